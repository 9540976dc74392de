// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/TxnOffsetCommitResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TxnOffsetCommitResponsePartition {
  /** The partition index. Versions 0-4. */
  partitionIndex: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-4. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TxnOffsetCommitResponsePartition {
    const o = new TxnOffsetCommitResponsePartition();
    const flexible = v >= 3;
    o.partitionIndex = r.int32();
    o.errorCode = r.int16();
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

  static write(w: Writer, v: number, o: TxnOffsetCommitResponsePartition): void {
    const flexible = v >= 3;
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TxnOffsetCommitResponsePartition): number {
    let s = 0;
    const flexible = v >= 3;
    s += 4;
    s += 2;
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
  static isDefault(o: TxnOffsetCommitResponsePartition): boolean {
    return (o.partitionIndex === 0) &&
      (o.errorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TxnOffsetCommitResponseTopic {
  /** The topic name. Versions 0-4. */
  name: string = "";
  /** The responses for each partition in the topic. Versions 0-4. */
  partitions: TxnOffsetCommitResponsePartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TxnOffsetCommitResponseTopic {
    const o = new TxnOffsetCommitResponseTopic();
    const flexible = v >= 3;
    o.name = (v >= 3 ? r.compactString() : r.string());
    const n1 = (v >= 3 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: TxnOffsetCommitResponsePartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TxnOffsetCommitResponsePartition.read(r, v));
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

  static write(w: Writer, v: number, o: TxnOffsetCommitResponseTopic): void {
    const flexible = v >= 3;
    if (v >= 3) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 3) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) TxnOffsetCommitResponsePartition.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TxnOffsetCommitResponseTopic): number {
    let s = 0;
    const flexible = v >= 3;
    s += (v >= 3 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 3 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += TxnOffsetCommitResponsePartition.size(v, o.partitions[i5]!);
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
  static isDefault(o: TxnOffsetCommitResponseTopic): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** TxnOffsetCommitResponse: versions 0-4, flexible 3+. */
export class TxnOffsetCommitResponse {
  static readonly messageName = 'TxnOffsetCommitResponse';
  static readonly apiKey = 28;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-4. */
  throttleTimeMs: number = 0;
  /** The responses for each topic. Versions 0-4. */
  topics: TxnOffsetCommitResponseTopic[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TxnOffsetCommitResponse {
    const o = new TxnOffsetCommitResponse();
    const flexible = v >= 3;
    o.throttleTimeMs = r.int32();
    const n1 = (v >= 3 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TxnOffsetCommitResponseTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TxnOffsetCommitResponseTopic.read(r, v));
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

  static write(w: Writer, v: number, o: TxnOffsetCommitResponse): void {
    const flexible = v >= 3;
    w.int32(o.throttleTimeMs);
    if (v >= 3) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TxnOffsetCommitResponseTopic.write(w, v, o.topics[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TxnOffsetCommitResponse): number {
    let s = 0;
    const flexible = v >= 3;
    s += 4;
    s += (v >= 3 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += TxnOffsetCommitResponseTopic.size(v, o.topics[i5]!);
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
  static isDefault(o: TxnOffsetCommitResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
