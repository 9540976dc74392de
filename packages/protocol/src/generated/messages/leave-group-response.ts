// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/LeaveGroupResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class MemberResponse {
  /** The member ID to remove from the group. Versions 3-5. */
  memberId: string = "";
  /** The group instance ID to remove from the group. Versions 3-5. */
  groupInstanceId: string | null = "";
  /** The error code, or 0 if there was no error. Versions 3-5. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): MemberResponse {
    const o = new MemberResponse();
    const flexible = v >= 4;
    o.memberId = (v >= 4 ? r.compactString() : r.string());
    o.groupInstanceId = (v >= 4 ? r.compactNullableString() : r.nullableString());
    o.errorCode = r.int16();
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

  static write(w: Writer, v: number, o: MemberResponse): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.memberId);
    else w.string(o.memberId);
    if (v >= 4) w.compactNullableString(o.groupInstanceId);
    else w.nullableString(o.groupInstanceId);
    w.int16(o.errorCode);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: MemberResponse): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.memberId) : sizeOfString(o.memberId));
    s += (o.groupInstanceId === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.groupInstanceId) : sizeOfString(o.groupInstanceId)));
    s += 2;
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
  static isDefault(o: MemberResponse): boolean {
    return (o.memberId === "") &&
      (o.groupInstanceId === "") &&
      (o.errorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** LeaveGroupResponse: versions 0-5, flexible 4+. */
export class LeaveGroupResponse {
  static readonly messageName = 'LeaveGroupResponse';
  static readonly apiKey = 13;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-5. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-5. */
  errorCode: number = 0;
  /** List of leaving member responses. Versions 3-5. */
  members: MemberResponse[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaveGroupResponse {
    const o = new LeaveGroupResponse();
    const flexible = v >= 4;
    if (v >= 1) {
      o.throttleTimeMs = r.int32();
    }
    o.errorCode = r.int16();
    if (v >= 3) {
      const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
      if (n1 < 0) {
        r.fail('non-nullable field Members was null');
      } else {
        const a2: MemberResponse[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(MemberResponse.read(r, v));
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

  static write(w: Writer, v: number, o: LeaveGroupResponse): void {
    const flexible = v >= 4;
    if (v >= 1) {
      w.int32(o.throttleTimeMs);
    }
    w.int16(o.errorCode);
    if (v >= 3) {
      if (v >= 4) w.compactArrayLength(o.members.length);
      else w.arrayLength(o.members.length);
      for (let i4 = 0; i4 < o.members.length; i4++) MemberResponse.write(w, v, o.members[i4]!);
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

  static size(v: number, o: LeaveGroupResponse): number {
    let s = 0;
    const flexible = v >= 4;
    if (v >= 1) {
      s += 4;
    }
    s += 2;
    if (v >= 3) {
      s += (v >= 4 ? sizeOfCompactLength(o.members.length) : 4);
      for (let i5 = 0; i5 < o.members.length; i5++) s += MemberResponse.size(v, o.members[i5]!);
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
  static isDefault(o: LeaveGroupResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.members.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
