// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/OffsetDeleteRequest.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class OffsetDeleteRequestPartition {
  /** The partition index. Versions 0-0. */
  partitionIndex: number = 0;

  static read(r: Reader, v: number): OffsetDeleteRequestPartition {
    const o = new OffsetDeleteRequestPartition();
    o.partitionIndex = r.int32();
    return o;
  }

  static write(w: Writer, v: number, o: OffsetDeleteRequestPartition): void {
    w.int32(o.partitionIndex);
  }

  static size(v: number, o: OffsetDeleteRequestPartition): number {
    let s = 0;
    s += 4;
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: OffsetDeleteRequestPartition): boolean {
    return (o.partitionIndex === 0);
  }
}

export class OffsetDeleteRequestTopic {
  /** The topic name. Versions 0-0. */
  name: string = "";
  /** Each partition to delete offsets for. Versions 0-0. */
  partitions: OffsetDeleteRequestPartition[] = [];

  static read(r: Reader, v: number): OffsetDeleteRequestTopic {
    const o = new OffsetDeleteRequestTopic();
    o.name = r.string();
    const n1 = r.arrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: OffsetDeleteRequestPartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetDeleteRequestPartition.read(r, v));
      o.partitions = a2;
    }
    return o;
  }

  static write(w: Writer, v: number, o: OffsetDeleteRequestTopic): void {
    w.string(o.name);
    w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) OffsetDeleteRequestPartition.write(w, v, o.partitions[i4]!);
  }

  static size(v: number, o: OffsetDeleteRequestTopic): number {
    let s = 0;
    s += sizeOfString(o.name);
    s += 4;
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += OffsetDeleteRequestPartition.size(v, o.partitions[i5]!);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: OffsetDeleteRequestTopic): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0);
  }
}

/** OffsetDeleteRequest: versions 0, flexible none. */
export class OffsetDeleteRequest {
  static readonly messageName = 'OffsetDeleteRequest';
  static readonly apiKey = 47;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The unique group identifier. Versions 0-0. */
  groupId: string = "";
  /** The topics to delete offsets for Versions 0-0. */
  topics: OffsetDeleteRequestTopic[] = [];

  static read(r: Reader, v: number): OffsetDeleteRequest {
    const o = new OffsetDeleteRequest();
    o.groupId = r.string();
    const n1 = r.arrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: OffsetDeleteRequestTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetDeleteRequestTopic.read(r, v));
      o.topics = a2;
    }
    return o;
  }

  static write(w: Writer, v: number, o: OffsetDeleteRequest): void {
    w.string(o.groupId);
    w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) OffsetDeleteRequestTopic.write(w, v, o.topics[i4]!);
  }

  static size(v: number, o: OffsetDeleteRequest): number {
    let s = 0;
    s += sizeOfString(o.groupId);
    s += 4;
    for (let i5 = 0; i5 < o.topics.length; i5++) s += OffsetDeleteRequestTopic.size(v, o.topics[i5]!);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: OffsetDeleteRequest): boolean {
    return (o.groupId === "") &&
      (o.topics.length === 0);
  }
}
