// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ListOffsetsRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ListOffsetsPartition {
  /** The partition index. Versions 0-9. */
  partitionIndex: number = 0;
  /** The current leader epoch. Versions 4-9. */
  currentLeaderEpoch: number = -1;
  /** The current timestamp. Versions 0-9. */
  timestamp: bigint = 0n;
  /** The maximum number of offsets to report. Versions 0-0. */
  maxNumOffsets: number = 1;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListOffsetsPartition {
    const o = new ListOffsetsPartition();
    const flexible = v >= 6;
    o.partitionIndex = r.int32();
    if (v >= 4) {
      o.currentLeaderEpoch = r.int32();
    }
    o.timestamp = r.int64();
    if (v <= 0) {
      o.maxNumOffsets = r.int32();
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

  static write(w: Writer, v: number, o: ListOffsetsPartition): void {
    const flexible = v >= 6;
    w.int32(o.partitionIndex);
    if (v >= 4) {
      w.int32(o.currentLeaderEpoch);
    }
    w.int64(o.timestamp);
    if (v <= 0) {
      w.int32(o.maxNumOffsets);
    }
    if (!(v <= 0)) {
      if (!(o.maxNumOffsets === 1)) throw fieldNotSupported('MaxNumOffsets', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ListOffsetsPartition): number {
    let s = 0;
    const flexible = v >= 6;
    s += 4;
    if (v >= 4) {
      s += 4;
    }
    s += 8;
    if (v <= 0) {
      s += 4;
    }
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
  static isDefault(o: ListOffsetsPartition): boolean {
    return (o.partitionIndex === 0) &&
      (o.currentLeaderEpoch === -1) &&
      (o.timestamp === 0n) &&
      (o.maxNumOffsets === 1) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ListOffsetsTopic {
  /** The topic name. Versions 0-9. */
  name: string = "";
  /** Each partition in the request. Versions 0-9. */
  partitions: ListOffsetsPartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListOffsetsTopic {
    const o = new ListOffsetsTopic();
    const flexible = v >= 6;
    o.name = (v >= 6 ? r.compactString() : r.string());
    const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: ListOffsetsPartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ListOffsetsPartition.read(r, v));
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

  static write(w: Writer, v: number, o: ListOffsetsTopic): void {
    const flexible = v >= 6;
    if (v >= 6) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 6) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) ListOffsetsPartition.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ListOffsetsTopic): number {
    let s = 0;
    const flexible = v >= 6;
    s += (v >= 6 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 6 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += ListOffsetsPartition.size(v, o.partitions[i5]!);
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
  static isDefault(o: ListOffsetsTopic): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ListOffsetsRequest: versions 0-9, flexible 6+. */
export class ListOffsetsRequest {
  static readonly messageName = 'ListOffsetsRequest';
  static readonly apiKey = 2;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 9;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 6;

  /** The broker ID of the requester, or -1 if this request is being made by a normal consumer. Versions 0-9. */
  replicaId: number = 0;
  /** This setting controls the visibility of transactional records. Using READ_UNCOMMITTED (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1), non-transactional and COMMITTED transactional records are visible. To be more concrete, READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and enables the inclusion of the list of aborted transactions in the result, which allows consumers to discard ABORTED transactional records Versions 2-9. */
  isolationLevel: number = 0;
  /** Each topic in the request. Versions 0-9. */
  topics: ListOffsetsTopic[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListOffsetsRequest {
    const o = new ListOffsetsRequest();
    const flexible = v >= 6;
    o.replicaId = r.int32();
    if (v >= 2) {
      o.isolationLevel = r.int8();
    }
    const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: ListOffsetsTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ListOffsetsTopic.read(r, v));
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

  static write(w: Writer, v: number, o: ListOffsetsRequest): void {
    const flexible = v >= 6;
    w.int32(o.replicaId);
    if (v >= 2) {
      w.int8(o.isolationLevel);
    }
    if (!(v >= 2)) {
      if (!(o.isolationLevel === 0)) throw fieldNotSupported('IsolationLevel', v);
    }
    if (v >= 6) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) ListOffsetsTopic.write(w, v, o.topics[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ListOffsetsRequest): number {
    let s = 0;
    const flexible = v >= 6;
    s += 4;
    if (v >= 2) {
      s += 1;
    }
    s += (v >= 6 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += ListOffsetsTopic.size(v, o.topics[i5]!);
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
  static isDefault(o: ListOffsetsRequest): boolean {
    return (o.replicaId === 0) &&
      (o.isolationLevel === 0) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
