// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ListPartitionReassignmentsRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ListPartitionReassignmentsTopics {
  /** The topic name Versions 0-0. */
  name: string = "";
  /** The partitions to list partition reassignments for. Versions 0-0. */
  partitionIndexes: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListPartitionReassignmentsTopics {
    const o = new ListPartitionReassignmentsTopics();
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

  static write(w: Writer, v: number, o: ListPartitionReassignmentsTopics): void {
    w.compactString(o.name);
    w.compactArrayLength(o.partitionIndexes.length);
    for (let i4 = 0; i4 < o.partitionIndexes.length; i4++) w.int32(o.partitionIndexes[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ListPartitionReassignmentsTopics): number {
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
  static isDefault(o: ListPartitionReassignmentsTopics): boolean {
    return (o.name === "") &&
      (o.partitionIndexes.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ListPartitionReassignmentsRequest: versions 0, flexible 0+. */
export class ListPartitionReassignmentsRequest {
  static readonly messageName = 'ListPartitionReassignmentsRequest';
  static readonly apiKey = 46;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The time in ms to wait for the request to complete. Versions 0-0. */
  timeoutMs: number = 60000;
  /** The topics to list partition reassignments for, or null to list everything. Versions 0-0. */
  topics: ListPartitionReassignmentsTopics[] | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListPartitionReassignmentsRequest {
    const o = new ListPartitionReassignmentsRequest();
    o.timeoutMs = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      o.topics = null;
    } else {
      const a2: ListPartitionReassignmentsTopics[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ListPartitionReassignmentsTopics.read(r, v));
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

  static write(w: Writer, v: number, o: ListPartitionReassignmentsRequest): void {
    w.int32(o.timeoutMs);
    if (o.topics === null) w.unsignedVarint(0);
    else {
      w.compactArrayLength(o.topics.length);
      for (let i4 = 0; i4 < o.topics.length; i4++) ListPartitionReassignmentsTopics.write(w, v, o.topics[i4]!);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ListPartitionReassignmentsRequest): number {
    let s = 0;
    s += 4;
    if (o.topics === null) s += 1;
    else {
      s += sizeOfCompactLength(o.topics.length);
      for (let i5 = 0; i5 < o.topics.length; i5++) s += ListPartitionReassignmentsTopics.size(v, o.topics[i5]!);
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
  static isDefault(o: ListPartitionReassignmentsRequest): boolean {
    return (o.timeoutMs === 60000) &&
      (o.topics === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
