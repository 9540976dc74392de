// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ListOffsetsResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ListOffsetsPartitionResponse {
  /** The partition index. Versions 0-9. */
  partitionIndex: number = 0;
  /** The partition error code, or 0 if there was no error. Versions 0-9. */
  errorCode: number = 0;
  /** The result offsets. Versions 0-0. */
  oldStyleOffsets: bigint[] = [];
  /** The timestamp associated with the returned offset. Versions 1-9. */
  timestamp: bigint = -1n;
  /** The returned offset. Versions 1-9. */
  offset: bigint = -1n;
  /** Versions 4-9. */
  leaderEpoch: number = -1;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListOffsetsPartitionResponse {
    const o = new ListOffsetsPartitionResponse();
    const flexible = v >= 6;
    o.partitionIndex = r.int32();
    o.errorCode = r.int16();
    if (v <= 0) {
      const n1 = r.arrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field OldStyleOffsets was null');
      } else {
        const a2: bigint[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int64());
        o.oldStyleOffsets = a2;
      }
    }
    if (v >= 1) {
      o.timestamp = r.int64();
    }
    if (v >= 1) {
      o.offset = r.int64();
    }
    if (v >= 4) {
      o.leaderEpoch = r.int32();
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

  static write(w: Writer, v: number, o: ListOffsetsPartitionResponse): void {
    const flexible = v >= 6;
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    if (v <= 0) {
      w.arrayLength(o.oldStyleOffsets.length);
      for (let i4 = 0; i4 < o.oldStyleOffsets.length; i4++) w.int64(o.oldStyleOffsets[i4]!);
    }
    if (!(v <= 0)) {
      if (!(o.oldStyleOffsets.length === 0)) throw fieldNotSupported('OldStyleOffsets', v);
    }
    if (v >= 1) {
      w.int64(o.timestamp);
    }
    if (!(v >= 1)) {
      if (!(o.timestamp === -1n)) throw fieldNotSupported('Timestamp', v);
    }
    if (v >= 1) {
      w.int64(o.offset);
    }
    if (!(v >= 1)) {
      if (!(o.offset === -1n)) throw fieldNotSupported('Offset', v);
    }
    if (v >= 4) {
      w.int32(o.leaderEpoch);
    }
    if (!(v >= 4)) {
      if (!(o.leaderEpoch === -1)) throw fieldNotSupported('LeaderEpoch', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ListOffsetsPartitionResponse): number {
    let s = 0;
    const flexible = v >= 6;
    s += 4;
    s += 2;
    if (v <= 0) {
      s += 4 + o.oldStyleOffsets.length * 8;
    }
    if (v >= 1) {
      s += 8;
    }
    if (v >= 1) {
      s += 8;
    }
    if (v >= 4) {
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
  static isDefault(o: ListOffsetsPartitionResponse): boolean {
    return (o.partitionIndex === 0) &&
      (o.errorCode === 0) &&
      (o.oldStyleOffsets.length === 0) &&
      (o.timestamp === -1n) &&
      (o.offset === -1n) &&
      (o.leaderEpoch === -1) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ListOffsetsTopicResponse {
  /** The topic name Versions 0-9. */
  name: string = "";
  /** Each partition in the response. Versions 0-9. */
  partitions: ListOffsetsPartitionResponse[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListOffsetsTopicResponse {
    const o = new ListOffsetsTopicResponse();
    const flexible = v >= 6;
    o.name = (v >= 6 ? r.compactString() : r.string());
    const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: ListOffsetsPartitionResponse[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ListOffsetsPartitionResponse.read(r, v));
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

  static write(w: Writer, v: number, o: ListOffsetsTopicResponse): void {
    const flexible = v >= 6;
    if (v >= 6) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 6) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) ListOffsetsPartitionResponse.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ListOffsetsTopicResponse): number {
    let s = 0;
    const flexible = v >= 6;
    s += (v >= 6 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 6 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += ListOffsetsPartitionResponse.size(v, o.partitions[i5]!);
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
  static isDefault(o: ListOffsetsTopicResponse): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ListOffsetsResponse: versions 0-9, flexible 6+. */
export class ListOffsetsResponse {
  static readonly messageName = 'ListOffsetsResponse';
  static readonly apiKey = 2;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 9;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 6;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2-9. */
  throttleTimeMs: number = 0;
  /** Each topic in the response. Versions 0-9. */
  topics: ListOffsetsTopicResponse[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListOffsetsResponse {
    const o = new ListOffsetsResponse();
    const flexible = v >= 6;
    if (v >= 2) {
      o.throttleTimeMs = r.int32();
    }
    const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: ListOffsetsTopicResponse[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ListOffsetsTopicResponse.read(r, v));
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

  static write(w: Writer, v: number, o: ListOffsetsResponse): void {
    const flexible = v >= 6;
    if (v >= 2) {
      w.int32(o.throttleTimeMs);
    }
    if (v >= 6) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) ListOffsetsTopicResponse.write(w, v, o.topics[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ListOffsetsResponse): number {
    let s = 0;
    const flexible = v >= 6;
    if (v >= 2) {
      s += 4;
    }
    s += (v >= 6 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += ListOffsetsTopicResponse.size(v, o.topics[i5]!);
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
  static isDefault(o: ListOffsetsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
