// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/LeaveGroupRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class MemberIdentity {
  /** The member ID to remove from the group. Versions 3-5. */
  memberId: string = "";
  /** The group instance ID to remove from the group. Versions 3-5. */
  groupInstanceId: string | null = null;
  /** The reason why the member left the group. Versions 5-5. */
  reason: string | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): MemberIdentity {
    const o = new MemberIdentity();
    const flexible = v >= 4;
    o.memberId = (v >= 4 ? r.compactString() : r.string());
    o.groupInstanceId = (v >= 4 ? r.compactNullableString() : r.nullableString());
    if (v >= 5) {
      o.reason = r.compactNullableString();
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

  static write(w: Writer, v: number, o: MemberIdentity): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.memberId);
    else w.string(o.memberId);
    if (v >= 4) w.compactNullableString(o.groupInstanceId);
    else w.nullableString(o.groupInstanceId);
    if (v >= 5) {
      w.compactNullableString(o.reason);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: MemberIdentity): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.memberId) : sizeOfString(o.memberId));
    s += (o.groupInstanceId === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.groupInstanceId) : sizeOfString(o.groupInstanceId)));
    if (v >= 5) {
      s += (o.reason === null ? 1 : sizeOfCompactString(o.reason));
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
  static isDefault(o: MemberIdentity): boolean {
    return (o.memberId === "") &&
      (o.groupInstanceId === null) &&
      (o.reason === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** LeaveGroupRequest: versions 0-5, flexible 4+. */
export class LeaveGroupRequest {
  static readonly messageName = 'LeaveGroupRequest';
  static readonly apiKey = 13;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The ID of the group to leave. Versions 0-5. */
  groupId: string = "";
  /** The member ID to remove from the group. Versions 0-2. */
  memberId: string = "";
  /** List of leaving member identities. Versions 3-5. */
  members: MemberIdentity[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaveGroupRequest {
    const o = new LeaveGroupRequest();
    const flexible = v >= 4;
    o.groupId = (v >= 4 ? r.compactString() : r.string());
    if (v <= 2) {
      o.memberId = r.string();
    }
    if (v >= 3) {
      const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
      if (n1 < 0) {
        r.fail('non-nullable field Members was null');
      } else {
        const a2: MemberIdentity[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(MemberIdentity.read(r, v));
        o.members = a2;
      }
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

  static write(w: Writer, v: number, o: LeaveGroupRequest): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.groupId);
    else w.string(o.groupId);
    if (v <= 2) {
      w.string(o.memberId);
    }
    if (!(v <= 2)) {
      if (!(o.memberId === "")) throw fieldNotSupported('MemberId', v);
    }
    if (v >= 3) {
      if (v >= 4) w.compactArrayLength(o.members.length);
      else w.arrayLength(o.members.length);
      for (let i4 = 0; i4 < o.members.length; i4++) MemberIdentity.write(w, v, o.members[i4]!);
    }
    if (!(v >= 3)) {
      if (!(o.members.length === 0)) throw fieldNotSupported('Members', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: LeaveGroupRequest): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.groupId) : sizeOfString(o.groupId));
    if (v <= 2) {
      s += sizeOfString(o.memberId);
    }
    if (v >= 3) {
      s += (v >= 4 ? sizeOfCompactLength(o.members.length) : 4);
      for (let i5 = 0; i5 < o.members.length; i5++) s += MemberIdentity.size(v, o.members[i5]!);
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
  static isDefault(o: LeaveGroupRequest): boolean {
    return (o.groupId === "") &&
      (o.memberId === "") &&
      (o.members.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
