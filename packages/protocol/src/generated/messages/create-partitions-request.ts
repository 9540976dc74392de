// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/CreatePartitionsRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class CreatePartitionsAssignment {
  /** The assigned broker IDs. Versions 0-3. */
  brokerIds: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreatePartitionsAssignment {
    const o = new CreatePartitionsAssignment();
    const flexible = v >= 2;
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field BrokerIds was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.brokerIds = a2;
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

  static write(w: Writer, v: number, o: CreatePartitionsAssignment): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactArrayLength(o.brokerIds.length);
    else w.arrayLength(o.brokerIds.length);
    for (let i4 = 0; i4 < o.brokerIds.length; i4++) w.int32(o.brokerIds[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreatePartitionsAssignment): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactLength(o.brokerIds.length) : 4) + o.brokerIds.length * 4;
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
  static isDefault(o: CreatePartitionsAssignment): boolean {
    return (o.brokerIds.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class CreatePartitionsTopic {
  /** The topic name. Versions 0-3. */
  name: string = "";
  /** The new partition count. Versions 0-3. */
  count: number = 0;
  /** The new partition assignments. Versions 0-3. */
  assignments: CreatePartitionsAssignment[] | null = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreatePartitionsTopic {
    const o = new CreatePartitionsTopic();
    const flexible = v >= 2;
    o.name = (v >= 2 ? r.compactString() : r.string());
    o.count = r.int32();
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      o.assignments = null;
    } else {
      const a2: CreatePartitionsAssignment[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(CreatePartitionsAssignment.read(r, v));
      o.assignments = a2;
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

  static write(w: Writer, v: number, o: CreatePartitionsTopic): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.name);
    else w.string(o.name);
    w.int32(o.count);
    if (o.assignments === null) (v >= 2 ? w.unsignedVarint(0) : w.int32(-1));
    else {
      if (v >= 2) w.compactArrayLength(o.assignments.length);
      else w.arrayLength(o.assignments.length);
      for (let i4 = 0; i4 < o.assignments.length; i4++) CreatePartitionsAssignment.write(w, v, o.assignments[i4]!);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreatePartitionsTopic): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += 4;
    if (o.assignments === null) s += (v >= 2 ? 1 : 4);
    else {
      s += (v >= 2 ? sizeOfCompactLength(o.assignments.length) : 4);
      for (let i5 = 0; i5 < o.assignments.length; i5++) s += CreatePartitionsAssignment.size(v, o.assignments[i5]!);
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
  static isDefault(o: CreatePartitionsTopic): boolean {
    return (o.name === "") &&
      (o.count === 0) &&
      (o.assignments !== null && o.assignments.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** CreatePartitionsRequest: versions 0-3, flexible 2+. */
export class CreatePartitionsRequest {
  static readonly messageName = 'CreatePartitionsRequest';
  static readonly apiKey = 37;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** Each topic that we want to create new partitions inside. Versions 0-3. */
  topics: CreatePartitionsTopic[] = [];
  /** The time in ms to wait for the partitions to be created. Versions 0-3. */
  timeoutMs: number = 0;
  /** If true, then validate the request, but don't actually increase the number of partitions. Versions 0-3. */
  validateOnly: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreatePartitionsRequest {
    const o = new CreatePartitionsRequest();
    const flexible = v >= 2;
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: CreatePartitionsTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(CreatePartitionsTopic.read(r, v));
      o.topics = a2;
    }
    o.timeoutMs = r.int32();
    o.validateOnly = r.bool();
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

  static write(w: Writer, v: number, o: CreatePartitionsRequest): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) CreatePartitionsTopic.write(w, v, o.topics[i4]!);
    w.int32(o.timeoutMs);
    w.bool(o.validateOnly);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreatePartitionsRequest): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += CreatePartitionsTopic.size(v, o.topics[i5]!);
    s += 4;
    s += 1;
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
  static isDefault(o: CreatePartitionsRequest): boolean {
    return (o.topics.length === 0) &&
      (o.timeoutMs === 0) &&
      (o.validateOnly === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
