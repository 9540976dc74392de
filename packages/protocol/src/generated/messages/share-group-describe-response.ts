// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ShareGroupDescribeResponse.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TopicPartitions {
  /** The topic ID. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The topic name. Versions 0-0. */
  topicName: string = "";
  /** The partitions. Versions 0-0. */
  partitions: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicPartitions {
    const o = new TopicPartitions();
    o.topicId = r.uuid();
    o.topicName = r.compactString();
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
    w.compactString(o.topicName);
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
    s += sizeOfCompactString(o.topicName);
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
      (o.topicName === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class Assignment {
  /** The assigned topic-partitions to the member. Versions 0-0. */
  topicPartitions: TopicPartitions[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Assignment {
    const o = new Assignment();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field TopicPartitions was null');
    } else {
      const a2: TopicPartitions[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicPartitions.read(r, v));
      o.topicPartitions = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: Assignment): void {
    w.compactArrayLength(o.topicPartitions.length);
    for (let i4 = 0; i4 < o.topicPartitions.length; i4++) TopicPartitions.write(w, v, o.topicPartitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Assignment): number {
    let s = 0;
    s += sizeOfCompactLength(o.topicPartitions.length);
    for (let i5 = 0; i5 < o.topicPartitions.length; i5++) s += TopicPartitions.size(v, o.topicPartitions[i5]!);
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
  static isDefault(o: Assignment): boolean {
    return (o.topicPartitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class Member {
  /** The member ID. Versions 0-0. */
  memberId: string = "";
  /** The member rack ID. Versions 0-0. */
  rackId: string | null = null;
  /** The current member epoch. Versions 0-0. */
  memberEpoch: number = 0;
  /** The client ID. Versions 0-0. */
  clientId: string = "";
  /** The client host. Versions 0-0. */
  clientHost: string = "";
  /** The subscribed topic names. Versions 0-0. */
  subscribedTopicNames: string[] = [];
  /** The current assignment. Versions 0-0. */
  assignment: Assignment = new Assignment();
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Member {
    const o = new Member();
    o.memberId = r.compactString();
    o.rackId = r.compactNullableString();
    o.memberEpoch = r.int32();
    o.clientId = r.compactString();
    o.clientHost = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field SubscribedTopicNames was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.compactString());
      o.subscribedTopicNames = a2;
    }
    o.assignment = Assignment.read(r, v);
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: Member): void {
    w.compactString(o.memberId);
    w.compactNullableString(o.rackId);
    w.int32(o.memberEpoch);
    w.compactString(o.clientId);
    w.compactString(o.clientHost);
    w.compactArrayLength(o.subscribedTopicNames.length);
    for (let i4 = 0; i4 < o.subscribedTopicNames.length; i4++) w.compactString(o.subscribedTopicNames[i4]!);
    Assignment.write(w, v, o.assignment!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Member): number {
    let s = 0;
    s += sizeOfCompactString(o.memberId);
    s += (o.rackId === null ? 1 : sizeOfCompactString(o.rackId));
    s += 4;
    s += sizeOfCompactString(o.clientId);
    s += sizeOfCompactString(o.clientHost);
    s += sizeOfCompactLength(o.subscribedTopicNames.length);
    for (let i5 = 0; i5 < o.subscribedTopicNames.length; i5++) s += sizeOfCompactString(o.subscribedTopicNames[i5]!);
    s += Assignment.size(v, o.assignment!);
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
  static isDefault(o: Member): boolean {
    return (o.memberId === "") &&
      (o.rackId === null) &&
      (o.memberEpoch === 0) &&
      (o.clientId === "") &&
      (o.clientHost === "") &&
      (o.subscribedTopicNames.length === 0) &&
      (Assignment.isDefault(o.assignment)) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DescribedGroup {
  /** The describe error, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** The top-level error message, or null if there was no error. Versions 0-0. */
  errorMessage: string | null = null;
  /** The group ID string. Versions 0-0. */
  groupId: string = "";
  /** The group state string, or the empty string. Versions 0-0. */
  groupState: string = "";
  /** The group epoch. Versions 0-0. */
  groupEpoch: number = 0;
  /** The assignment epoch. Versions 0-0. */
  assignmentEpoch: number = 0;
  /** The selected assignor. Versions 0-0. */
  assignorName: string = "";
  /** The members. Versions 0-0. */
  members: Member[] = [];
  /** 32-bit bitfield to represent authorized operations for this group. Versions 0-0. */
  authorizedOperations: number = -2147483648;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribedGroup {
    const o = new DescribedGroup();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    o.groupId = r.compactString();
    o.groupState = r.compactString();
    o.groupEpoch = r.int32();
    o.assignmentEpoch = r.int32();
    o.assignorName = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Members was null');
    } else {
      const a2: Member[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(Member.read(r, v));
      o.members = a2;
    }
    o.authorizedOperations = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribedGroup): void {
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    w.compactString(o.groupId);
    w.compactString(o.groupState);
    w.int32(o.groupEpoch);
    w.int32(o.assignmentEpoch);
    w.compactString(o.assignorName);
    w.compactArrayLength(o.members.length);
    for (let i4 = 0; i4 < o.members.length; i4++) Member.write(w, v, o.members[i4]!);
    w.int32(o.authorizedOperations);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribedGroup): number {
    let s = 0;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    s += sizeOfCompactString(o.groupId);
    s += sizeOfCompactString(o.groupState);
    s += 4;
    s += 4;
    s += sizeOfCompactString(o.assignorName);
    s += sizeOfCompactLength(o.members.length);
    for (let i5 = 0; i5 < o.members.length; i5++) s += Member.size(v, o.members[i5]!);
    s += 4;
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
  static isDefault(o: DescribedGroup): boolean {
    return (o.errorCode === 0) &&
      (o.errorMessage === null) &&
      (o.groupId === "") &&
      (o.groupState === "") &&
      (o.groupEpoch === 0) &&
      (o.assignmentEpoch === 0) &&
      (o.assignorName === "") &&
      (o.members.length === 0) &&
      (o.authorizedOperations === -2147483648) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ShareGroupDescribeResponse: versions 0, flexible 0+. */
export class ShareGroupDescribeResponse {
  static readonly messageName = 'ShareGroupDescribeResponse';
  static readonly apiKey = 77;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** Each described group. Versions 0-0. */
  groups: DescribedGroup[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ShareGroupDescribeResponse {
    const o = new ShareGroupDescribeResponse();
    o.throttleTimeMs = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Groups was null');
    } else {
      const a2: DescribedGroup[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribedGroup.read(r, v));
      o.groups = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ShareGroupDescribeResponse): void {
    w.int32(o.throttleTimeMs);
    w.compactArrayLength(o.groups.length);
    for (let i4 = 0; i4 < o.groups.length; i4++) DescribedGroup.write(w, v, o.groups[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ShareGroupDescribeResponse): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactLength(o.groups.length);
    for (let i5 = 0; i5 < o.groups.length; i5++) s += DescribedGroup.size(v, o.groups[i5]!);
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
  static isDefault(o: ShareGroupDescribeResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.groups.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
