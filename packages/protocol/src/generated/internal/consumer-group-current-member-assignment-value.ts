// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ConsumerGroupCurrentMemberAssignmentValue.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TopicPartitions {
  /** The topic Id. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The partition Ids. Versions 0-0. */
  partitions: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicPartitions {
    const o = new TopicPartitions();
    o.topicId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
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

  static write(w: Writer, v: number, o: TopicPartitions): void {
    w.uuid(o.topicId);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) w.int32(o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicPartitions): number {
    let s = 0;
    s += 16;
    s += sizeOfCompactLength(o.partitions.length) + o.partitions.length * 4;
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
  static isDefault(o: TopicPartitions): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ConsumerGroupCurrentMemberAssignmentValue: versions 0, flexible 0+. */
export class ConsumerGroupCurrentMemberAssignmentValue {
  static readonly messageName = 'ConsumerGroupCurrentMemberAssignmentValue';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The current member epoch that is expected from the member in the heartbeat request. Versions 0-0. */
  memberEpoch: number = 0;
  /** If the last epoch bump is lost before reaching the member, the member will retry with the previous epoch. Versions 0-0. */
  previousMemberEpoch: number = 0;
  /** The member state. See ConsumerGroupMember.MemberState for the possible values. Versions 0-0. */
  state: number = 0;
  /** The partitions assigned to (or owned by) this member. Versions 0-0. */
  assignedPartitions: TopicPartitions[] = [];
  /** The partitions that must be revoked by this member. Versions 0-0. */
  partitionsPendingRevocation: TopicPartitions[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ConsumerGroupCurrentMemberAssignmentValue {
    const o = new ConsumerGroupCurrentMemberAssignmentValue();
    o.memberEpoch = r.int32();
    o.previousMemberEpoch = r.int32();
    o.state = r.int8();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field AssignedPartitions was null');
    } else {
      const a2: TopicPartitions[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicPartitions.read(r, v));
      o.assignedPartitions = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field PartitionsPendingRevocation was null');
    } else {
      const a5: TopicPartitions[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(TopicPartitions.read(r, v));
      o.partitionsPendingRevocation = a5;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerGroupCurrentMemberAssignmentValue): void {
    w.int32(o.memberEpoch);
    w.int32(o.previousMemberEpoch);
    w.int8(o.state);
    w.compactArrayLength(o.assignedPartitions.length);
    for (let i7 = 0; i7 < o.assignedPartitions.length; i7++) TopicPartitions.write(w, v, o.assignedPartitions[i7]!);
    w.compactArrayLength(o.partitionsPendingRevocation.length);
    for (let i8 = 0; i8 < o.partitionsPendingRevocation.length; i8++) TopicPartitions.write(w, v, o.partitionsPendingRevocation[i8]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ConsumerGroupCurrentMemberAssignmentValue): number {
    let s = 0;
    s += 4;
    s += 4;
    s += 1;
    s += sizeOfCompactLength(o.assignedPartitions.length);
    for (let i9 = 0; i9 < o.assignedPartitions.length; i9++) s += TopicPartitions.size(v, o.assignedPartitions[i9]!);
    s += sizeOfCompactLength(o.partitionsPendingRevocation.length);
    for (let i10 = 0; i10 < o.partitionsPendingRevocation.length; i10++) s += TopicPartitions.size(v, o.partitionsPendingRevocation[i10]!);
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
  static isDefault(o: ConsumerGroupCurrentMemberAssignmentValue): boolean {
    return (o.memberEpoch === 0) &&
      (o.previousMemberEpoch === 0) &&
      (o.state === 0) &&
      (o.assignedPartitions.length === 0) &&
      (o.partitionsPendingRevocation.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
