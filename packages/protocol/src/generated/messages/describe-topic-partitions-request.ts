// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeTopicPartitionsRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class Cursor {
  /** The name for the first topic to process Versions 0-0. */
  topicName: string = "";
  /** The partition index to start with Versions 0-0. */
  partitionIndex: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Cursor {
    const o = new Cursor();
    o.topicName = r.compactString();
    o.partitionIndex = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: Cursor): void {
    w.compactString(o.topicName);
    w.int32(o.partitionIndex);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Cursor): number {
    let s = 0;
    s += sizeOfCompactString(o.topicName);
    s += 4;
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
  static isDefault(o: Cursor): boolean {
    return (o.topicName === "") &&
      (o.partitionIndex === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicRequest {
  /** The topic name Versions 0-0. */
  name: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicRequest {
    const o = new TopicRequest();
    o.name = r.compactString();
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
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicRequest): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
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
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeTopicPartitionsRequest: versions 0, flexible 0+. */
export class DescribeTopicPartitionsRequest {
  static readonly messageName = 'DescribeTopicPartitionsRequest';
  static readonly apiKey = 75;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The topics to fetch details for. Versions 0-0. */
  topics: TopicRequest[] = [];
  /** The maximum number of partitions included in the response. Versions 0-0. */
  responsePartitionLimit: number = 2000;
  /** The first topic and partition index to fetch details for. Versions 0-0. */
  cursor: Cursor | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeTopicPartitionsRequest {
    const o = new DescribeTopicPartitionsRequest();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TopicRequest[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicRequest.read(r, v));
      o.topics = a2;
    }
    o.responsePartitionLimit = r.int32();
    o.cursor = r.int8() < 0 ? null : Cursor.read(r, v);
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeTopicPartitionsRequest): void {
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TopicRequest.write(w, v, o.topics[i4]!);
    w.int32(o.responsePartitionLimit);
    if (o.cursor === null) w.int8(-1);
    else {
      w.int8(1);
      Cursor.write(w, v, o.cursor!);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeTopicPartitionsRequest): number {
    let s = 0;
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += TopicRequest.size(v, o.topics[i5]!);
    s += 4;
    s += o.cursor === null ? 1 : 1 + Cursor.size(v, o.cursor!);
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
  static isDefault(o: DescribeTopicPartitionsRequest): boolean {
    return (o.topics.length === 0) &&
      (o.responsePartitionLimit === 2000) &&
      (o.cursor === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
