// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ListPartitionReassignmentsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class OngoingPartitionReassignment {
  /** The index of the partition. Versions 0-0. */
  partitionIndex: number = 0;
  /** The current replica set. Versions 0-0. */
  replicas: number[] = [];
  /** The set of replicas we are currently adding. Versions 0-0. */
  addingReplicas: number[] = [];
  /** The set of replicas we are currently removing. Versions 0-0. */
  removingReplicas: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OngoingPartitionReassignment {
    const o = new OngoingPartitionReassignment();
    o.partitionIndex = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Replicas was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.replicas = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field AddingReplicas was null');
    } else {
      const a5: number[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(r.int32());
      o.addingReplicas = a5;
    }
    const n7 = r.compactArrayLength();
    if (n7 < 0) {
      r.fail('non-nullable field RemovingReplicas was null');
    } else {
      const a8: number[] = [];
      for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(r.int32());
      o.removingReplicas = a8;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: OngoingPartitionReassignment): void {
    w.int32(o.partitionIndex);
    w.compactArrayLength(o.replicas.length);
    for (let i10 = 0; i10 < o.replicas.length; i10++) w.int32(o.replicas[i10]!);
    w.compactArrayLength(o.addingReplicas.length);
    for (let i11 = 0; i11 < o.addingReplicas.length; i11++) w.int32(o.addingReplicas[i11]!);
    w.compactArrayLength(o.removingReplicas.length);
    for (let i12 = 0; i12 < o.removingReplicas.length; i12++) w.int32(o.removingReplicas[i12]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: OngoingPartitionReassignment): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactLength(o.replicas.length) + o.replicas.length * 4;
    s += sizeOfCompactLength(o.addingReplicas.length) + o.addingReplicas.length * 4;
    s += sizeOfCompactLength(o.removingReplicas.length) + o.removingReplicas.length * 4;
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
  static isDefault(o: OngoingPartitionReassignment): boolean {
    return (o.partitionIndex === 0) &&
      (o.replicas.length === 0) &&
      (o.addingReplicas.length === 0) &&
      (o.removingReplicas.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class OngoingTopicReassignment {
  /** The topic name. Versions 0-0. */
  name: string = "";
  /** The ongoing reassignments for each partition. Versions 0-0. */
  partitions: OngoingPartitionReassignment[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OngoingTopicReassignment {
    const o = new OngoingTopicReassignment();
    o.name = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: OngoingPartitionReassignment[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OngoingPartitionReassignment.read(r, v));
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

  static write(w: Writer, v: number, o: OngoingTopicReassignment): void {
    w.compactString(o.name);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) OngoingPartitionReassignment.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: OngoingTopicReassignment): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += OngoingPartitionReassignment.size(v, o.partitions[i5]!);
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
  static isDefault(o: OngoingTopicReassignment): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ListPartitionReassignmentsResponse: versions 0, flexible 0+. */
export class ListPartitionReassignmentsResponse {
  static readonly messageName = 'ListPartitionReassignmentsResponse';
  static readonly apiKey = 46;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The top-level error code, or 0 if there was no error Versions 0-0. */
  errorCode: number = 0;
  /** The top-level error message, or null if there was no error. Versions 0-0. */
  errorMessage: string | null = "";
  /** The ongoing reassignments for each topic. Versions 0-0. */
  topics: OngoingTopicReassignment[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListPartitionReassignmentsResponse {
    const o = new ListPartitionReassignmentsResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: OngoingTopicReassignment[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OngoingTopicReassignment.read(r, v));
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

  static write(w: Writer, v: number, o: ListPartitionReassignmentsResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) OngoingTopicReassignment.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ListPartitionReassignmentsResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += OngoingTopicReassignment.size(v, o.topics[i5]!);
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
  static isDefault(o: ListPartitionReassignmentsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
