// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeProducersRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TopicRequest {
  /** The topic name. Versions 0-0. */
  name: string = "";
  /** The indexes of the partitions to list producers for. Versions 0-0. */
  partitionIndexes: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicRequest {
    const o = new TopicRequest();
    o.name = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field PartitionIndexes was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.partitionIndexes = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: TopicRequest): void {
    w.compactString(o.name);
    w.compactArrayLength(o.partitionIndexes.length);
    for (let i4 = 0; i4 < o.partitionIndexes.length; i4++) w.int32(o.partitionIndexes[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicRequest): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += sizeOfCompactLength(o.partitionIndexes.length) + o.partitionIndexes.length * 4;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: TopicRequest): boolean {
    return (o.name === "") &&
      (o.partitionIndexes.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeProducersRequest: versions 0, flexible 0+. */
export class DescribeProducersRequest {
  static readonly messageName = 'DescribeProducersRequest';
  static readonly apiKey = 61;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Versions 0-0. */
  topics: TopicRequest[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeProducersRequest {
    const o = new DescribeProducersRequest();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TopicRequest[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicRequest.read(r, v));
      o.topics = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeProducersRequest): void {
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TopicRequest.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeProducersRequest): number {
    let s = 0;
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += TopicRequest.size(v, o.topics[i5]!);
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: DescribeProducersRequest): boolean {
    return (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
