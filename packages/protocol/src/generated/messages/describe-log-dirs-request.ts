// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeLogDirsRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DescribableLogDirTopic {
  /** The topic name Versions 0-4. */
  topic: string = "";
  /** The partition indexes. Versions 0-4. */
  partitions: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribableLogDirTopic {
    const o = new DescribableLogDirTopic();
    const flexible = v >= 2;
    o.topic = (v >= 2 ? r.compactString() : r.string());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
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

  static write(w: Writer, v: number, o: DescribableLogDirTopic): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.topic);
    else w.string(o.topic);
    if (v >= 2) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) w.int32(o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribableLogDirTopic): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.topic) : sizeOfString(o.topic));
    s += (v >= 2 ? sizeOfCompactLength(o.partitions.length) : 4) + o.partitions.length * 4;
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
  static isDefault(o: DescribableLogDirTopic): boolean {
    return (o.topic === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeLogDirsRequest: versions 0-4, flexible 2+. */
export class DescribeLogDirsRequest {
  static readonly messageName = 'DescribeLogDirsRequest';
  static readonly apiKey = 35;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** Each topic that we want to describe log directories for, or null for all topics. Versions 0-4. */
  topics: DescribableLogDirTopic[] | null = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeLogDirsRequest {
    const o = new DescribeLogDirsRequest();
    const flexible = v >= 2;
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      o.topics = null;
    } else {
      const a2: DescribableLogDirTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribableLogDirTopic.read(r, v));
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

  static write(w: Writer, v: number, o: DescribeLogDirsRequest): void {
    const flexible = v >= 2;
    if (o.topics === null) (v >= 2 ? w.unsignedVarint(0) : w.int32(-1));
    else {
      if (v >= 2) w.compactArrayLength(o.topics.length);
      else w.arrayLength(o.topics.length);
      for (let i4 = 0; i4 < o.topics.length; i4++) DescribableLogDirTopic.write(w, v, o.topics[i4]!);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeLogDirsRequest): number {
    let s = 0;
    const flexible = v >= 2;
    if (o.topics === null) s += (v >= 2 ? 1 : 4);
    else {
      s += (v >= 2 ? sizeOfCompactLength(o.topics.length) : 4);
      for (let i5 = 0; i5 < o.topics.length; i5++) s += DescribableLogDirTopic.size(v, o.topics[i5]!);
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
  static isDefault(o: DescribeLogDirsRequest): boolean {
    return (o.topics !== null && o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
