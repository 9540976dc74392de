// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AlterPartitionReassignmentsRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ReassignablePartition {
  /** The partition index. Versions 0-0. */
  partitionIndex: number = 0;
  /** The replicas to place the partitions on, or null to cancel a pending reassignment for this partition. Versions 0-0. */
  replicas: number[] | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ReassignablePartition {
    const o = new ReassignablePartition();
    o.partitionIndex = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      o.replicas = null;
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.replicas = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ReassignablePartition): void {
    w.int32(o.partitionIndex);
    if (o.replicas === null) w.unsignedVarint(0);
    else {
      w.compactArrayLength(o.replicas.length);
      for (let i4 = 0; i4 < o.replicas.length; i4++) w.int32(o.replicas[i4]!);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ReassignablePartition): number {
    let s = 0;
    s += 4;
    if (o.replicas === null) s += 1;
    else {
      s += sizeOfCompactLength(o.replicas.length) + o.replicas.length * 4;
    }
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
  static isDefault(o: ReassignablePartition): boolean {
    return (o.partitionIndex === 0) &&
      (o.replicas === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ReassignableTopic {
  /** The topic name. Versions 0-0. */
  name: string = "";
  /** The partitions to reassign. Versions 0-0. */
  partitions: ReassignablePartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ReassignableTopic {
    const o = new ReassignableTopic();
    o.name = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: ReassignablePartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ReassignablePartition.read(r, v));
      o.partitions = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ReassignableTopic): void {
    w.compactString(o.name);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) ReassignablePartition.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ReassignableTopic): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += ReassignablePartition.size(v, o.partitions[i5]!);
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
  static isDefault(o: ReassignableTopic): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** AlterPartitionReassignmentsRequest: versions 0, flexible 0+. */
export class AlterPartitionReassignmentsRequest {
  static readonly messageName = 'AlterPartitionReassignmentsRequest';
  static readonly apiKey = 45;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The time in ms to wait for the request to complete. Versions 0-0. */
  timeoutMs: number = 60000;
  /** The topics to reassign. Versions 0-0. */
  topics: ReassignableTopic[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterPartitionReassignmentsRequest {
    const o = new AlterPartitionReassignmentsRequest();
    o.timeoutMs = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: ReassignableTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ReassignableTopic.read(r, v));
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

  static write(w: Writer, v: number, o: AlterPartitionReassignmentsRequest): void {
    w.int32(o.timeoutMs);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) ReassignableTopic.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AlterPartitionReassignmentsRequest): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += ReassignableTopic.size(v, o.topics[i5]!);
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
  static isDefault(o: AlterPartitionReassignmentsRequest): boolean {
    return (o.timeoutMs === 60000) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
