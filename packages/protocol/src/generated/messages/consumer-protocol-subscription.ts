// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ConsumerProtocolSubscription.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TopicPartition {
  /** Versions 1-3. */
  topic: string = "";
  /** Versions 1-3. */
  partitions: number[] = [];

  static read(r: Reader, v: number): TopicPartition {
    const o = new TopicPartition();
    o.topic = r.string();
    const n1 = r.arrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.partitions = a2;
    }
    return o;
  }

  static write(w: Writer, v: number, o: TopicPartition): void {
    w.string(o.topic);
    w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) w.int32(o.partitions[i4]!);
  }

  static size(v: number, o: TopicPartition): number {
    let s = 0;
    s += sizeOfString(o.topic);
    s += 4 + o.partitions.length * 4;
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: TopicPartition): boolean {
    return (o.topic === "") &&
      (o.partitions.length === 0);
  }
}

/** ConsumerProtocolSubscription: versions 0-3, flexible none. */
export class ConsumerProtocolSubscription {
  static readonly messageName = 'ConsumerProtocolSubscription';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** Versions 0-3. */
  topics: string[] = [];
  /** Versions 0-3. */
  userData: Buffer | null = null;
  /** Versions 1-3. */
  ownedPartitions: TopicPartition[] = [];
  /** Versions 2-3. */
  generationId: number = -1;
  /** Versions 3-3. */
  rackId: string | null = null;

  static read(r: Reader, v: number): ConsumerProtocolSubscription {
    const o = new ConsumerProtocolSubscription();
    const n1 = r.arrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.string());
      o.topics = a2;
    }
    o.userData = r.nullableBytes();
    if (v >= 1) {
      const n4 = r.arrayLength();
      if (n4 < 0) {
        r.fail('non-nullable field OwnedPartitions was null');
      } else {
        const a5: TopicPartition[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(TopicPartition.read(r, v));
        o.ownedPartitions = a5;
      }
    }
    if (v >= 2) {
      o.generationId = r.int32();
    }
    if (v >= 3) {
      o.rackId = r.nullableString();
    }
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerProtocolSubscription): void {
    w.arrayLength(o.topics.length);
    for (let i7 = 0; i7 < o.topics.length; i7++) w.string(o.topics[i7]!);
    w.nullableBytes(o.userData);
    if (v >= 1) {
      w.arrayLength(o.ownedPartitions.length);
      for (let i8 = 0; i8 < o.ownedPartitions.length; i8++) TopicPartition.write(w, v, o.ownedPartitions[i8]!);
    }
    if (v >= 2) {
      w.int32(o.generationId);
    }
    if (v >= 3) {
      w.nullableString(o.rackId);
    }
  }

  static size(v: number, o: ConsumerProtocolSubscription): number {
    let s = 0;
    s += 4;
    for (let i9 = 0; i9 < o.topics.length; i9++) s += sizeOfString(o.topics[i9]!);
    s += (o.userData === null ? 4 : 4 + o.userData.length);
    if (v >= 1) {
      s += 4;
      for (let i10 = 0; i10 < o.ownedPartitions.length; i10++) s += TopicPartition.size(v, o.ownedPartitions[i10]!);
    }
    if (v >= 2) {
      s += 4;
    }
    if (v >= 3) {
      s += (o.rackId === null ? 2 : sizeOfString(o.rackId));
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ConsumerProtocolSubscription): boolean {
    return (o.topics.length === 0) &&
      (o.userData === null) &&
      (o.ownedPartitions.length === 0) &&
      (o.generationId === -1) &&
      (o.rackId === null);
  }
}
