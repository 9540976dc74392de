// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/JoinGroupResponse.json

import { EMPTY_BYTES, fieldNotSupported, nullNotAllowed, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class JoinGroupResponseMember {
  /** The group member ID. Versions 0-9. */
  memberId: string = "";
  /** The unique identifier of the consumer instance provided by end user. Versions 5-9. */
  groupInstanceId: string | null = null;
  /** The group member metadata. Versions 0-9. */
  metadata: Buffer = EMPTY_BYTES;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): JoinGroupResponseMember {
    const o = new JoinGroupResponseMember();
    const flexible = v >= 6;
    o.memberId = (v >= 6 ? r.compactString() : r.string());
    if (v >= 5) {
      o.groupInstanceId = (v >= 6 ? r.compactNullableString() : r.nullableString());
    }
    o.metadata = (v >= 6 ? r.compactBytes() : r.bytes());
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

  static write(w: Writer, v: number, o: JoinGroupResponseMember): void {
    const flexible = v >= 6;
    if (v >= 6) w.compactString(o.memberId);
    else w.string(o.memberId);
    if (v >= 5) {
      if (v >= 6) w.compactNullableString(o.groupInstanceId);
      else w.nullableString(o.groupInstanceId);
    }
    if (v >= 6) w.compactBytes(o.metadata);
    else w.bytes(o.metadata);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: JoinGroupResponseMember): number {
    let s = 0;
    const flexible = v >= 6;
    s += (v >= 6 ? sizeOfCompactString(o.memberId) : sizeOfString(o.memberId));
    if (v >= 5) {
      s += (o.groupInstanceId === null ? (v >= 6 ? 1 : 2) : (v >= 6 ? sizeOfCompactString(o.groupInstanceId) : sizeOfString(o.groupInstanceId)));
    }
    s += (v >= 6 ? sizeOfCompactLength(o.metadata.length) + o.metadata.length : 4 + o.metadata.length);
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
  static isDefault(o: JoinGroupResponseMember): boolean {
    return (o.memberId === "") &&
      (o.groupInstanceId === null) &&
      (o.metadata.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** JoinGroupResponse: versions 0-9, flexible 6+. */
export class JoinGroupResponse {
  static readonly messageName = 'JoinGroupResponse';
  static readonly apiKey = 11;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 9;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 6;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2-9. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-9. */
  errorCode: number = 0;
  /** The generation ID of the group. Versions 0-9. */
  generationId: number = -1;
  /** The group protocol name. Versions 7-9. */
  protocolType: string | null = null;
  /** The group protocol selected by the coordinator. Versions 0-9. */
  protocolName: string | null = "";
  /** The leader of the group. Versions 0-9. */
  leader: string = "";
  /** True if the leader must skip running the assignment. Versions 9-9. */
  skipAssignment: boolean = false;
  /** The member ID assigned by the group coordinator. Versions 0-9. */
  memberId: string = "";
  /** Versions 0-9. */
  members: JoinGroupResponseMember[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): JoinGroupResponse {
    const o = new JoinGroupResponse();
    const flexible = v >= 6;
    if (v >= 2) {
      o.throttleTimeMs = r.int32();
    }
    o.errorCode = r.int16();
    o.generationId = r.int32();
    if (v >= 7) {
      o.protocolType = r.compactNullableString();
    }
    o.protocolName = (v >= 7 ? (v >= 6 ? r.compactNullableString() : r.nullableString()) : (v >= 6 ? r.compactString() : r.string()));
    o.leader = (v >= 6 ? r.compactString() : r.string());
    if (v >= 9) {
      o.skipAssignment = r.bool();
    }
    o.memberId = (v >= 6 ? r.compactString() : r.string());
    const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Members was null');
    } else {
      const a2: JoinGroupResponseMember[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(JoinGroupResponseMember.read(r, v));
      o.members = a2;
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

  static write(w: Writer, v: number, o: JoinGroupResponse): void {
    const flexible = v >= 6;
    if (v >= 2) {
      w.int32(o.throttleTimeMs);
    }
    w.int16(o.errorCode);
    w.int32(o.generationId);
    if (v >= 7) {
      w.compactNullableString(o.protocolType);
    }
    if (!(v >= 7)) {
      if (o.protocolName === null) throw nullNotAllowed('ProtocolName', v);
    }
    if (v >= 7) {
      if (v >= 6) w.compactNullableString(o.protocolName);
      else w.nullableString(o.protocolName);
    } else {
      if (v >= 6) w.compactString(o.protocolName!);
      else w.string(o.protocolName!);
    }
    if (v >= 6) w.compactString(o.leader);
    else w.string(o.leader);
    if (v >= 9) {
      w.bool(o.skipAssignment);
    }
    if (!(v >= 9)) {
      if (!(o.skipAssignment === false)) throw fieldNotSupported('SkipAssignment', v);
    }
    if (v >= 6) w.compactString(o.memberId);
    else w.string(o.memberId);
    if (v >= 6) w.compactArrayLength(o.members.length);
    else w.arrayLength(o.members.length);
    for (let i4 = 0; i4 < o.members.length; i4++) JoinGroupResponseMember.write(w, v, o.members[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: JoinGroupResponse): number {
    let s = 0;
    const flexible = v >= 6;
    if (v >= 2) {
      s += 4;
    }
    s += 2;
    s += 4;
    if (v >= 7) {
      s += (o.protocolType === null ? 1 : sizeOfCompactString(o.protocolType));
    }
    s += (o.protocolName === null ? (v >= 6 ? 1 : 2) : (v >= 6 ? sizeOfCompactString(o.protocolName) : sizeOfString(o.protocolName)));
    s += (v >= 6 ? sizeOfCompactString(o.leader) : sizeOfString(o.leader));
    if (v >= 9) {
      s += 1;
    }
    s += (v >= 6 ? sizeOfCompactString(o.memberId) : sizeOfString(o.memberId));
    s += (v >= 6 ? sizeOfCompactLength(o.members.length) : 4);
    for (let i5 = 0; i5 < o.members.length; i5++) s += JoinGroupResponseMember.size(v, o.members[i5]!);
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
  static isDefault(o: JoinGroupResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.generationId === -1) &&
      (o.protocolType === null) &&
      (o.protocolName === "") &&
      (o.leader === "") &&
      (o.skipAssignment === false) &&
      (o.memberId === "") &&
      (o.members.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
