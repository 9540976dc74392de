// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/OffsetForLeaderEpochResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class EpochEndOffset {
  /** The error code 0, or if there was no error. Versions 0-4. */
  errorCode: number = 0;
  /** The partition index. Versions 0-4. */
  partition: number = 0;
  /** The leader epoch of the partition. Versions 1-4. */
  leaderEpoch: number = -1;
  /** The end offset of the epoch. Versions 0-4. */
  endOffset: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): EpochEndOffset {
    const o = new EpochEndOffset();
    const flexible = v >= 4;
    o.errorCode = r.int16();
    o.partition = r.int32();
    if (v >= 1) {
      o.leaderEpoch = r.int32();
    }
    o.endOffset = r.int64();
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

  static write(w: Writer, v: number, o: EpochEndOffset): void {
    const flexible = v >= 4;
    w.int16(o.errorCode);
    w.int32(o.partition);
    if (v >= 1) {
      w.int32(o.leaderEpoch);
    }
    w.int64(o.endOffset);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: EpochEndOffset): number {
    let s = 0;
    const flexible = v >= 4;
    s += 2;
    s += 4;
    if (v >= 1) {
      s += 4;
    }
    s += 8;
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
  static isDefault(o: EpochEndOffset): boolean {
    return (o.errorCode === 0) &&
      (o.partition === 0) &&
      (o.leaderEpoch === -1) &&
      (o.endOffset === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class OffsetForLeaderTopicResult {
  /** The topic name. Versions 0-4. */
  topic: string = "";
  /** Each partition in the topic we fetched offsets for. Versions 0-4. */
  partitions: EpochEndOffset[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetForLeaderTopicResult {
    const o = new OffsetForLeaderTopicResult();
    const flexible = v >= 4;
    o.topic = (v >= 4 ? r.compactString() : r.string());
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: EpochEndOffset[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(EpochEndOffset.read(r, v));
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

  static write(w: Writer, v: number, o: OffsetForLeaderTopicResult): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.topic);
    else w.string(o.topic);
    if (v >= 4) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) EpochEndOffset.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetForLeaderTopicResult): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.topic) : sizeOfString(o.topic));
    s += (v >= 4 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += EpochEndOffset.size(v, o.partitions[i5]!);
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
  static isDefault(o: OffsetForLeaderTopicResult): boolean {
    return (o.topic === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** OffsetForLeaderEpochResponse: versions 0-4, flexible 4+. */
export class OffsetForLeaderEpochResponse {
  static readonly messageName = 'OffsetForLeaderEpochResponse';
  static readonly apiKey = 23;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2-4. */
  throttleTimeMs: number = 0;
  /** Each topic we fetched offsets for. Versions 0-4. */
  topics: OffsetForLeaderTopicResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetForLeaderEpochResponse {
    const o = new OffsetForLeaderEpochResponse();
    const flexible = v >= 4;
    if (v >= 2) {
      o.throttleTimeMs = r.int32();
    }
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: OffsetForLeaderTopicResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetForLeaderTopicResult.read(r, v));
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

  static write(w: Writer, v: number, o: OffsetForLeaderEpochResponse): void {
    const flexible = v >= 4;
    if (v >= 2) {
      w.int32(o.throttleTimeMs);
    }
    if (v >= 4) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) OffsetForLeaderTopicResult.write(w, v, o.topics[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetForLeaderEpochResponse): number {
    let s = 0;
    const flexible = v >= 4;
    if (v >= 2) {
      s += 4;
    }
    s += (v >= 4 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += OffsetForLeaderTopicResult.size(v, o.topics[i5]!);
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
  static isDefault(o: OffsetForLeaderEpochResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
