// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/SyncGroupRequest.json

import { EMPTY_BYTES, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class SyncGroupRequestAssignment {
  /** The ID of the member to assign. Versions 0-5. */
  memberId: string = "";
  /** The member assignment. Versions 0-5. */
  assignment: Buffer = EMPTY_BYTES;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): SyncGroupRequestAssignment {
    const o = new SyncGroupRequestAssignment();
    const flexible = v >= 4;
    o.memberId = (v >= 4 ? r.compactString() : r.string());
    o.assignment = (v >= 4 ? r.compactBytes() : r.bytes());
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

  static write(w: Writer, v: number, o: SyncGroupRequestAssignment): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.memberId);
    else w.string(o.memberId);
    if (v >= 4) w.compactBytes(o.assignment);
    else w.bytes(o.assignment);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: SyncGroupRequestAssignment): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.memberId) : sizeOfString(o.memberId));
    s += (v >= 4 ? sizeOfCompactLength(o.assignment.length) + o.assignment.length : 4 + o.assignment.length);
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
  static isDefault(o: SyncGroupRequestAssignment): boolean {
    return (o.memberId === "") &&
      (o.assignment.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** SyncGroupRequest: versions 0-5, flexible 4+. */
export class SyncGroupRequest {
  static readonly messageName = 'SyncGroupRequest';
  static readonly apiKey = 14;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The unique group identifier. Versions 0-5. */
  groupId: string = "";
  /** The generation of the group. Versions 0-5. */
  generationId: number = 0;
  /** The member ID assigned by the group. Versions 0-5. */
  memberId: string = "";
  /** The unique identifier of the consumer instance provided by end user. Versions 3-5. */
  groupInstanceId: string | null = null;
  /** The group protocol type. Versions 5-5. */
  protocolType: string | null = null;
  /** The group protocol name. Versions 5-5. */
  protocolName: string | null = null;
  /** Each assignment. Versions 0-5. */
  assignments: SyncGroupRequestAssignment[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): SyncGroupRequest {
    const o = new SyncGroupRequest();
    const flexible = v >= 4;
    o.groupId = (v >= 4 ? r.compactString() : r.string());
    o.generationId = r.int32();
    o.memberId = (v >= 4 ? r.compactString() : r.string());
    if (v >= 3) {
      o.groupInstanceId = (v >= 4 ? r.compactNullableString() : r.nullableString());
    }
    if (v >= 5) {
      o.protocolType = r.compactNullableString();
    }
    if (v >= 5) {
      o.protocolName = r.compactNullableString();
    }
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Assignments was null');
    } else {
      const a2: SyncGroupRequestAssignment[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(SyncGroupRequestAssignment.read(r, v));
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

  static write(w: Writer, v: number, o: SyncGroupRequest): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.groupId);
    else w.string(o.groupId);
    w.int32(o.generationId);
    if (v >= 4) w.compactString(o.memberId);
    else w.string(o.memberId);
    if (v >= 3) {
      if (v >= 4) w.compactNullableString(o.groupInstanceId);
      else w.nullableString(o.groupInstanceId);
    }
    if (!(v >= 3)) {
      if (!(o.groupInstanceId === null)) throw fieldNotSupported('GroupInstanceId', v);
    }
    if (v >= 5) {
      w.compactNullableString(o.protocolType);
    }
    if (v >= 5) {
      w.compactNullableString(o.protocolName);
    }
    if (v >= 4) w.compactArrayLength(o.assignments.length);
    else w.arrayLength(o.assignments.length);
    for (let i4 = 0; i4 < o.assignments.length; i4++) SyncGroupRequestAssignment.write(w, v, o.assignments[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: SyncGroupRequest): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.groupId) : sizeOfString(o.groupId));
    s += 4;
    s += (v >= 4 ? sizeOfCompactString(o.memberId) : sizeOfString(o.memberId));
    if (v >= 3) {
      s += (o.groupInstanceId === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.groupInstanceId) : sizeOfString(o.groupInstanceId)));
    }
    if (v >= 5) {
      s += (o.protocolType === null ? 1 : sizeOfCompactString(o.protocolType));
    }
    if (v >= 5) {
      s += (o.protocolName === null ? 1 : sizeOfCompactString(o.protocolName));
    }
    s += (v >= 4 ? sizeOfCompactLength(o.assignments.length) : 4);
    for (let i5 = 0; i5 < o.assignments.length; i5++) s += SyncGroupRequestAssignment.size(v, o.assignments[i5]!);
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
  static isDefault(o: SyncGroupRequest): boolean {
    return (o.groupId === "") &&
      (o.generationId === 0) &&
      (o.memberId === "") &&
      (o.groupInstanceId === null) &&
      (o.protocolType === null) &&
      (o.protocolName === null) &&
      (o.assignments.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
