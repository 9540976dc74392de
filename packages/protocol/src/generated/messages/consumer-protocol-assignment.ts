// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ConsumerProtocolAssignment.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TopicPartition {
  /** Versions 0-3. */
  topic: string = "";
  /** Versions 0-3. */
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

/** ConsumerProtocolAssignment: versions 0-3, flexible none. */
export class ConsumerProtocolAssignment {
  static readonly messageName = 'ConsumerProtocolAssignment';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** Versions 0-3. */
  assignedPartitions: TopicPartition[] = [];
  /** Versions 0-3. */
  userData: Buffer | null = null;

  static read(r: Reader, v: number): ConsumerProtocolAssignment {
    const o = new ConsumerProtocolAssignment();
    const n1 = r.arrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field AssignedPartitions was null');
    } else {
      const a2: TopicPartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicPartition.read(r, v));
      o.assignedPartitions = a2;
    }
    o.userData = r.nullableBytes();
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerProtocolAssignment): void {
    w.arrayLength(o.assignedPartitions.length);
    for (let i4 = 0; i4 < o.assignedPartitions.length; i4++) TopicPartition.write(w, v, o.assignedPartitions[i4]!);
    w.nullableBytes(o.userData);
  }

  static size(v: number, o: ConsumerProtocolAssignment): number {
    let s = 0;
    s += 4;
    for (let i5 = 0; i5 < o.assignedPartitions.length; i5++) s += TopicPartition.size(v, o.assignedPartitions[i5]!);
    s += (o.userData === null ? 4 : 4 + o.userData.length);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ConsumerProtocolAssignment): boolean {
    return (o.assignedPartitions.length === 0) &&
      (o.userData === null);
  }
}
