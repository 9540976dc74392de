// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/OffsetDeleteResponse.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class OffsetDeleteResponsePartition {
  /** The partition index. Versions 0-0. */
  partitionIndex: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;

  static read(r: Reader, v: number): OffsetDeleteResponsePartition {
    const o = new OffsetDeleteResponsePartition();
    o.partitionIndex = r.int32();
    o.errorCode = r.int16();
    return o;
  }

  static write(w: Writer, v: number, o: OffsetDeleteResponsePartition): void {
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
  }

  static size(v: number, o: OffsetDeleteResponsePartition): number {
    let s = 0;
    s += 4;
    s += 2;
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: OffsetDeleteResponsePartition): boolean {
    return (o.partitionIndex === 0) &&
      (o.errorCode === 0);
  }
}

export class OffsetDeleteResponseTopic {
  /** The topic name. Versions 0-0. */
  name: string = "";
  /** The responses for each partition in the topic. Versions 0-0. */
  partitions: OffsetDeleteResponsePartition[] = [];

  static read(r: Reader, v: number): OffsetDeleteResponseTopic {
    const o = new OffsetDeleteResponseTopic();
    o.name = r.string();
    const n1 = r.arrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: OffsetDeleteResponsePartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetDeleteResponsePartition.read(r, v));
      o.partitions = a2;
    }
    return o;
  }

  static write(w: Writer, v: number, o: OffsetDeleteResponseTopic): void {
    w.string(o.name);
    w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) OffsetDeleteResponsePartition.write(w, v, o.partitions[i4]!);
  }

  static size(v: number, o: OffsetDeleteResponseTopic): number {
    let s = 0;
    s += sizeOfString(o.name);
    s += 4;
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += OffsetDeleteResponsePartition.size(v, o.partitions[i5]!);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: OffsetDeleteResponseTopic): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0);
  }
}

/** OffsetDeleteResponse: versions 0, flexible none. */
export class OffsetDeleteResponse {
  static readonly messageName = 'OffsetDeleteResponse';
  static readonly apiKey = 47;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The top-level error code, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The responses for each topic. Versions 0-0. */
  topics: OffsetDeleteResponseTopic[] = [];

  static read(r: Reader, v: number): OffsetDeleteResponse {
    const o = new OffsetDeleteResponse();
    o.errorCode = r.int16();
    o.throttleTimeMs = r.int32();
    const n1 = r.arrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: OffsetDeleteResponseTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetDeleteResponseTopic.read(r, v));
      o.topics = a2;
    }
    return o;
  }

  static write(w: Writer, v: number, o: OffsetDeleteResponse): void {
    w.int16(o.errorCode);
    w.int32(o.throttleTimeMs);
    w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) OffsetDeleteResponseTopic.write(w, v, o.topics[i4]!);
  }

  static size(v: number, o: OffsetDeleteResponse): number {
    let s = 0;
    s += 2;
    s += 4;
    s += 4;
    for (let i5 = 0; i5 < o.topics.length; i5++) s += OffsetDeleteResponseTopic.size(v, o.topics[i5]!);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: OffsetDeleteResponse): boolean {
    return (o.errorCode === 0) &&
      (o.throttleTimeMs === 0) &&
      (o.topics.length === 0);
  }
}
