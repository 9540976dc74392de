// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/TxnOffsetCommitRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TxnOffsetCommitRequestPartition {
  /** The index of the partition within the topic. Versions 0-4. */
  partitionIndex: number = 0;
  /** The message offset to be committed. Versions 0-4. */
  committedOffset: bigint = 0n;
  /** The leader epoch of the last consumed record. Versions 2-4. */
  committedLeaderEpoch: number = -1;
  /** Any associated metadata the client wants to keep. Versions 0-4. */
  committedMetadata: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TxnOffsetCommitRequestPartition {
    const o = new TxnOffsetCommitRequestPartition();
    const flexible = v >= 3;
    o.partitionIndex = r.int32();
    o.committedOffset = r.int64();
    if (v >= 2) {
      o.committedLeaderEpoch = r.int32();
    }
    o.committedMetadata = (v >= 3 ? r.compactNullableString() : r.nullableString());
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: TxnOffsetCommitRequestPartition): void {
    const flexible = v >= 3;
    w.int32(o.partitionIndex);
    w.int64(o.committedOffset);
    if (v >= 2) {
      w.int32(o.committedLeaderEpoch);
    }
    if (v >= 3) w.compactNullableString(o.committedMetadata);
    else w.nullableString(o.committedMetadata);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TxnOffsetCommitRequestPartition): number {
    let s = 0;
    const flexible = v >= 3;
    s += 4;
    s += 8;
    if (v >= 2) {
      s += 4;
    }
    s += (o.committedMetadata === null ? (v >= 3 ? 1 : 2) : (v >= 3 ? sizeOfCompactString(o.committedMetadata) : sizeOfString(o.committedMetadata)));
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: TxnOffsetCommitRequestPartition): boolean {
    return (o.partitionIndex === 0) &&
      (o.committedOffset === 0n) &&
      (o.committedLeaderEpoch === -1) &&
      (o.committedMetadata === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TxnOffsetCommitRequestTopic {
  /** The topic name. Versions 0-4. */
  name: string = "";
  /** The partitions inside the topic that we want to commit offsets for. Versions 0-4. */
  partitions: TxnOffsetCommitRequestPartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TxnOffsetCommitRequestTopic {
    const o = new TxnOffsetCommitRequestTopic();
    const flexible = v >= 3;
    o.name = (v >= 3 ? r.compactString() : r.string());
    const n1 = (v >= 3 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: TxnOffsetCommitRequestPartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TxnOffsetCommitRequestPartition.read(r, v));
      o.partitions = a2;
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: TxnOffsetCommitRequestTopic): void {
    const flexible = v >= 3;
    if (v >= 3) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 3) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) TxnOffsetCommitRequestPartition.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TxnOffsetCommitRequestTopic): number {
    let s = 0;
    const flexible = v >= 3;
    s += (v >= 3 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 3 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += TxnOffsetCommitRequestPartition.size(v, o.partitions[i5]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: TxnOffsetCommitRequestTopic): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** TxnOffsetCommitRequest: versions 0-4, flexible 3+. */
export class TxnOffsetCommitRequest {
  static readonly messageName = 'TxnOffsetCommitRequest';
  static readonly apiKey = 28;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** The ID of the transaction. Versions 0-4. */
  transactionalId: string = "";
  /** The ID of the group. Versions 0-4. */
  groupId: string = "";
  /** The current producer ID in use by the transactional ID. Versions 0-4. */
  producerId: bigint = 0n;
  /** The current epoch associated with the producer ID. Versions 0-4. */
  producerEpoch: number = 0;
  /** The generation of the consumer. Versions 3-4. */
  generationId: number = -1;
  /** The member ID assigned by the group coordinator. Versions 3-4. */
  memberId: string = "";
  /** The unique identifier of the consumer instance provided by end user. Versions 3-4. */
  groupInstanceId: string | null = null;
  /** Each topic that we want to commit offsets for. Versions 0-4. */
  topics: TxnOffsetCommitRequestTopic[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TxnOffsetCommitRequest {
    const o = new TxnOffsetCommitRequest();
    const flexible = v >= 3;
    o.transactionalId = (v >= 3 ? r.compactString() : r.string());
    o.groupId = (v >= 3 ? r.compactString() : r.string());
    o.producerId = r.int64();
    o.producerEpoch = r.int16();
    if (v >= 3) {
      o.generationId = r.int32();
    }
    if (v >= 3) {
      o.memberId = r.compactString();
    }
    if (v >= 3) {
      o.groupInstanceId = r.compactNullableString();
    }
    const n1 = (v >= 3 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TxnOffsetCommitRequestTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TxnOffsetCommitRequestTopic.read(r, v));
      o.topics = a2;
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: TxnOffsetCommitRequest): void {
    const flexible = v >= 3;
    if (v >= 3) w.compactString(o.transactionalId);
    else w.string(o.transactionalId);
    if (v >= 3) w.compactString(o.groupId);
    else w.string(o.groupId);
    w.int64(o.producerId);
    w.int16(o.producerEpoch);
    if (v >= 3) {
      w.int32(o.generationId);
    }
    if (!(v >= 3)) {
      if (!(o.generationId === -1)) throw fieldNotSupported('GenerationId', v);
    }
    if (v >= 3) {
      w.compactString(o.memberId);
    }
    if (!(v >= 3)) {
      if (!(o.memberId === "")) throw fieldNotSupported('MemberId', v);
    }
    if (v >= 3) {
      w.compactNullableString(o.groupInstanceId);
    }
    if (!(v >= 3)) {
      if (!(o.groupInstanceId === null)) throw fieldNotSupported('GroupInstanceId', v);
    }
    if (v >= 3) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TxnOffsetCommitRequestTopic.write(w, v, o.topics[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TxnOffsetCommitRequest): number {
    let s = 0;
    const flexible = v >= 3;
    s += (v >= 3 ? sizeOfCompactString(o.transactionalId) : sizeOfString(o.transactionalId));
    s += (v >= 3 ? sizeOfCompactString(o.groupId) : sizeOfString(o.groupId));
    s += 8;
    s += 2;
    if (v >= 3) {
      s += 4;
    }
    if (v >= 3) {
      s += sizeOfCompactString(o.memberId);
    }
    if (v >= 3) {
      s += (o.groupInstanceId === null ? 1 : sizeOfCompactString(o.groupInstanceId));
    }
    s += (v >= 3 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += TxnOffsetCommitRequestTopic.size(v, o.topics[i5]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: TxnOffsetCommitRequest): boolean {
    return (o.transactionalId === "") &&
      (o.groupId === "") &&
      (o.producerId === 0n) &&
      (o.producerEpoch === 0) &&
      (o.generationId === -1) &&
      (o.memberId === "") &&
      (o.groupInstanceId === null) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
