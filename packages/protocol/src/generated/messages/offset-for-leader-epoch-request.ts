// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/OffsetForLeaderEpochRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class OffsetForLeaderPartition {
  /** The partition index. Versions 0-4. */
  partition: number = 0;
  /** An epoch used to fence consumers/replicas with old metadata. If the epoch provided by the client is larger than the current epoch known to the broker, then the UNKNOWN_LEADER_EPOCH error code will be returned. If the provided epoch is smaller, then the FENCED_LEADER_EPOCH error code will be returned. Versions 2-4. */
  currentLeaderEpoch: number = -1;
  /** The epoch to look up an offset for. Versions 0-4. */
  leaderEpoch: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetForLeaderPartition {
    const o = new OffsetForLeaderPartition();
    const flexible = v >= 4;
    o.partition = r.int32();
    if (v >= 2) {
      o.currentLeaderEpoch = r.int32();
    }
    o.leaderEpoch = r.int32();
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

  static write(w: Writer, v: number, o: OffsetForLeaderPartition): void {
    const flexible = v >= 4;
    w.int32(o.partition);
    if (v >= 2) {
      w.int32(o.currentLeaderEpoch);
    }
    w.int32(o.leaderEpoch);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetForLeaderPartition): number {
    let s = 0;
    const flexible = v >= 4;
    s += 4;
    if (v >= 2) {
      s += 4;
    }
    s += 4;
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
  static isDefault(o: OffsetForLeaderPartition): boolean {
    return (o.partition === 0) &&
      (o.currentLeaderEpoch === -1) &&
      (o.leaderEpoch === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class OffsetForLeaderTopic {
  /** The topic name. Versions 0-4. */
  topic: string = "";
  /** Each partition to get offsets for. Versions 0-4. */
  partitions: OffsetForLeaderPartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetForLeaderTopic {
    const o = new OffsetForLeaderTopic();
    const flexible = v >= 4;
    o.topic = (v >= 4 ? r.compactString() : r.string());
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: OffsetForLeaderPartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetForLeaderPartition.read(r, v));
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

  static write(w: Writer, v: number, o: OffsetForLeaderTopic): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.topic);
    else w.string(o.topic);
    if (v >= 4) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) OffsetForLeaderPartition.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetForLeaderTopic): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.topic) : sizeOfString(o.topic));
    s += (v >= 4 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += OffsetForLeaderPartition.size(v, o.partitions[i5]!);
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
  static isDefault(o: OffsetForLeaderTopic): boolean {
    return (o.topic === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** OffsetForLeaderEpochRequest: versions 0-4, flexible 4+. */
export class OffsetForLeaderEpochRequest {
  static readonly messageName = 'OffsetForLeaderEpochRequest';
  static readonly apiKey = 23;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The broker ID of the follower, of -1 if this request is from a consumer. Versions 3-4. */
  replicaId: number = -2;
  /** Each topic to get offsets for. Versions 0-4. */
  topics: OffsetForLeaderTopic[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetForLeaderEpochRequest {
    const o = new OffsetForLeaderEpochRequest();
    const flexible = v >= 4;
    if (v >= 3) {
      o.replicaId = r.int32();
    }
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: OffsetForLeaderTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetForLeaderTopic.read(r, v));
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

  static write(w: Writer, v: number, o: OffsetForLeaderEpochRequest): void {
    const flexible = v >= 4;
    if (v >= 3) {
      w.int32(o.replicaId);
    }
    if (v >= 4) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) OffsetForLeaderTopic.write(w, v, o.topics[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetForLeaderEpochRequest): number {
    let s = 0;
    const flexible = v >= 4;
    if (v >= 3) {
      s += 4;
    }
    s += (v >= 4 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += OffsetForLeaderTopic.size(v, o.topics[i5]!);
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
  static isDefault(o: OffsetForLeaderEpochRequest): boolean {
    return (o.replicaId === -2) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
