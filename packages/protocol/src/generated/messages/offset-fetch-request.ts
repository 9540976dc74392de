// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/OffsetFetchRequest.json

import { fieldNotSupported, nullNotAllowed, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class OffsetFetchRequestTopics {
  /** The topic name. Versions 8-9. */
  name: string = "";
  /** The partition indexes we would like to fetch offsets for. Versions 8-9. */
  partitionIndexes: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetFetchRequestTopics {
    const o = new OffsetFetchRequestTopics();
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

  static write(w: Writer, v: number, o: OffsetFetchRequestTopics): void {
    w.compactString(o.name);
    w.compactArrayLength(o.partitionIndexes.length);
    for (let i4 = 0; i4 < o.partitionIndexes.length; i4++) w.int32(o.partitionIndexes[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: OffsetFetchRequestTopics): number {
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
  static isDefault(o: OffsetFetchRequestTopics): boolean {
    return (o.name === "") &&
      (o.partitionIndexes.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class OffsetFetchRequestGroup {
  /** The group ID. Versions 8-9. */
  groupId: string = "";
  /** The member ID assigned by the group coordinator if using the new consumer protocol (KIP-848). Versions 9-9. */
  memberId: string | null = null;
  /** The member epoch if using the new consumer protocol (KIP-848). Versions 9-9. */
  memberEpoch: number = -1;
  /** Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. Versions 8-9. */
  topics: OffsetFetchRequestTopics[] | null = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetFetchRequestGroup {
    const o = new OffsetFetchRequestGroup();
    o.groupId = r.compactString();
    if (v >= 9) {
      o.memberId = r.compactNullableString();
    }
    if (v >= 9) {
      o.memberEpoch = r.int32();
    }
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      o.topics = null;
    } else {
      const a2: OffsetFetchRequestTopics[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetFetchRequestTopics.read(r, v));
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

  static write(w: Writer, v: number, o: OffsetFetchRequestGroup): void {
    w.compactString(o.groupId);
    if (v >= 9) {
      w.compactNullableString(o.memberId);
    }
    if (v >= 9) {
      w.int32(o.memberEpoch);
    }
    if (o.topics === null) w.unsignedVarint(0);
    else {
      w.compactArrayLength(o.topics.length);
      for (let i4 = 0; i4 < o.topics.length; i4++) OffsetFetchRequestTopics.write(w, v, o.topics[i4]!);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: OffsetFetchRequestGroup): number {
    let s = 0;
    s += sizeOfCompactString(o.groupId);
    if (v >= 9) {
      s += (o.memberId === null ? 1 : sizeOfCompactString(o.memberId));
    }
    if (v >= 9) {
      s += 4;
    }
    if (o.topics === null) s += 1;
    else {
      s += sizeOfCompactLength(o.topics.length);
      for (let i5 = 0; i5 < o.topics.length; i5++) s += OffsetFetchRequestTopics.size(v, o.topics[i5]!);
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
  static isDefault(o: OffsetFetchRequestGroup): boolean {
    return (o.groupId === "") &&
      (o.memberId === null) &&
      (o.memberEpoch === -1) &&
      (o.topics !== null && o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class OffsetFetchRequestTopic {
  /** The topic name. Versions 0-7. */
  name: string = "";
  /** The partition indexes we would like to fetch offsets for. Versions 0-7. */
  partitionIndexes: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetFetchRequestTopic {
    const o = new OffsetFetchRequestTopic();
    const flexible = v >= 6;
    o.name = (v >= 6 ? r.compactString() : r.string());
    const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field PartitionIndexes was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.partitionIndexes = a2;
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

  static write(w: Writer, v: number, o: OffsetFetchRequestTopic): void {
    const flexible = v >= 6;
    if (v >= 6) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 6) w.compactArrayLength(o.partitionIndexes.length);
    else w.arrayLength(o.partitionIndexes.length);
    for (let i4 = 0; i4 < o.partitionIndexes.length; i4++) w.int32(o.partitionIndexes[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetFetchRequestTopic): number {
    let s = 0;
    const flexible = v >= 6;
    s += (v >= 6 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 6 ? sizeOfCompactLength(o.partitionIndexes.length) : 4) + o.partitionIndexes.length * 4;
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
  static isDefault(o: OffsetFetchRequestTopic): boolean {
    return (o.name === "") &&
      (o.partitionIndexes.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** OffsetFetchRequest: versions 0-9, flexible 6+. */
export class OffsetFetchRequest {
  static readonly messageName = 'OffsetFetchRequest';
  static readonly apiKey = 9;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 9;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 6;

  /** The group to fetch offsets for. Versions 0-7. */
  groupId: string = "";
  /** Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. Versions 0-7. */
  topics: OffsetFetchRequestTopic[] | null = [];
  /** Each group we would like to fetch offsets for Versions 8-9. */
  groups: OffsetFetchRequestGroup[] = [];
  /** Whether broker should hold on returning unstable offsets but set a retriable error code for the partitions. Versions 7-9. */
  requireStable: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetFetchRequest {
    const o = new OffsetFetchRequest();
    const flexible = v >= 6;
    if (v <= 7) {
      o.groupId = (v >= 6 ? r.compactString() : r.string());
    }
    if (v <= 7) {
      const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
      if (n1 < 0) {
        if (v >= 2) {
          o.topics = null;
        } else {
          r.fail('non-nullable field Topics was null');
        }
      } else {
        const a2: OffsetFetchRequestTopic[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetFetchRequestTopic.read(r, v));
        o.topics = a2;
      }
    }
    if (v >= 8) {
      const n4 = r.compactArrayLength();
      if (n4 < 0) {
        r.fail('non-nullable field Groups was null');
      } else {
        const a5: OffsetFetchRequestGroup[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(OffsetFetchRequestGroup.read(r, v));
        o.groups = a5;
      }
    }
    if (v >= 7) {
      o.requireStable = r.bool();
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

  static write(w: Writer, v: number, o: OffsetFetchRequest): void {
    const flexible = v >= 6;
    if (v <= 7) {
      if (v >= 6) w.compactString(o.groupId);
      else w.string(o.groupId);
    }
    if (!(v <= 7)) {
      if (!(o.groupId === "")) throw fieldNotSupported('GroupId', v);
    }
    if (v <= 7) {
      if (!(v >= 2)) {
        if (o.topics === null) throw nullNotAllowed('Topics', v);
      }
      if (o.topics === null) (v >= 6 ? w.unsignedVarint(0) : w.int32(-1));
      else {
        if (v >= 6) w.compactArrayLength(o.topics.length);
        else w.arrayLength(o.topics.length);
        for (let i7 = 0; i7 < o.topics.length; i7++) OffsetFetchRequestTopic.write(w, v, o.topics[i7]!);
      }
    }
    if (!(v <= 7)) {
      if (!(o.topics !== null && o.topics.length === 0)) throw fieldNotSupported('Topics', v);
    }
    if (v >= 8) {
      w.compactArrayLength(o.groups.length);
      for (let i8 = 0; i8 < o.groups.length; i8++) OffsetFetchRequestGroup.write(w, v, o.groups[i8]!);
    }
    if (!(v >= 8)) {
      if (!(o.groups.length === 0)) throw fieldNotSupported('Groups', v);
    }
    if (v >= 7) {
      w.bool(o.requireStable);
    }
    if (!(v >= 7)) {
      if (!(o.requireStable === false)) throw fieldNotSupported('RequireStable', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetFetchRequest): number {
    let s = 0;
    const flexible = v >= 6;
    if (v <= 7) {
      s += (v >= 6 ? sizeOfCompactString(o.groupId) : sizeOfString(o.groupId));
    }
    if (v <= 7) {
      if (o.topics === null) s += (v >= 6 ? 1 : 4);
      else {
        s += (v >= 6 ? sizeOfCompactLength(o.topics.length) : 4);
        for (let i9 = 0; i9 < o.topics.length; i9++) s += OffsetFetchRequestTopic.size(v, o.topics[i9]!);
      }
    }
    if (v >= 8) {
      s += sizeOfCompactLength(o.groups.length);
      for (let i10 = 0; i10 < o.groups.length; i10++) s += OffsetFetchRequestGroup.size(v, o.groups[i10]!);
    }
    if (v >= 7) {
      s += 1;
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
  static isDefault(o: OffsetFetchRequest): boolean {
    return (o.groupId === "") &&
      (o.topics !== null && o.topics.length === 0) &&
      (o.groups.length === 0) &&
      (o.requireStable === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
