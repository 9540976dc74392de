// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ConsumerGroupHeartbeatResponse.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TopicPartitions {
  /** The topic ID. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The partitions. Versions 0-0. */
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

export class Assignment {
  /** The partitions assigned to the member that can be used immediately. Versions 0-0. */
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

/** ConsumerGroupHeartbeatResponse: versions 0, flexible 0+. */
export class ConsumerGroupHeartbeatResponse {
  static readonly messageName = 'ConsumerGroupHeartbeatResponse';
  static readonly apiKey = 68;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The top-level error code, or 0 if there was no error Versions 0-0. */
  errorCode: number = 0;
  /** The top-level error message, or null if there was no error. Versions 0-0. */
  errorMessage: string | null = null;
  /** The member id generated by the coordinator. Only provided when the member joins with MemberEpoch == 0. Versions 0-0. */
  memberId: string | null = null;
  /** The member epoch. Versions 0-0. */
  memberEpoch: number = 0;
  /** The heartbeat interval in milliseconds. Versions 0-0. */
  heartbeatIntervalMs: number = 0;
  /** null if not provided; the assignment otherwise. Versions 0-0. */
  assignment: Assignment | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ConsumerGroupHeartbeatResponse {
    const o = new ConsumerGroupHeartbeatResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    o.memberId = r.compactNullableString();
    o.memberEpoch = r.int32();
    o.heartbeatIntervalMs = r.int32();
    o.assignment = r.int8() < 0 ? null : Assignment.read(r, v);
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerGroupHeartbeatResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    w.compactNullableString(o.memberId);
    w.int32(o.memberEpoch);
    w.int32(o.heartbeatIntervalMs);
    if (o.assignment === null) w.int8(-1);
    else {
      w.int8(1);
      Assignment.write(w, v, o.assignment!);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ConsumerGroupHeartbeatResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    s += (o.memberId === null ? 1 : sizeOfCompactString(o.memberId));
    s += 4;
    s += 4;
    s += o.assignment === null ? 1 : 1 + Assignment.size(v, o.assignment!);
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
  static isDefault(o: ConsumerGroupHeartbeatResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === null) &&
      (o.memberId === null) &&
      (o.memberEpoch === 0) &&
      (o.heartbeatIntervalMs === 0) &&
      (o.assignment === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
