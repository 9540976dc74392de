// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeGroupsResponse.json

import { EMPTY_BYTES, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DescribedGroupMember {
  /** The member ID assigned by the group coordinator. Versions 0-5. */
  memberId: string = "";
  /** The unique identifier of the consumer instance provided by end user. Versions 4-5. */
  groupInstanceId: string | null = null;
  /** The client ID used in the member's latest join group request. Versions 0-5. */
  clientId: string = "";
  /** The client host. Versions 0-5. */
  clientHost: string = "";
  /** The metadata corresponding to the current group protocol in use. Versions 0-5. */
  memberMetadata: Buffer = EMPTY_BYTES;
  /** The current assignment provided by the group leader. Versions 0-5. */
  memberAssignment: Buffer = EMPTY_BYTES;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribedGroupMember {
    const o = new DescribedGroupMember();
    const flexible = v >= 5;
    o.memberId = (v >= 5 ? r.compactString() : r.string());
    if (v >= 4) {
      o.groupInstanceId = (v >= 5 ? r.compactNullableString() : r.nullableString());
    }
    o.clientId = (v >= 5 ? r.compactString() : r.string());
    o.clientHost = (v >= 5 ? r.compactString() : r.string());
    o.memberMetadata = (v >= 5 ? r.compactBytes() : r.bytes());
    o.memberAssignment = (v >= 5 ? r.compactBytes() : r.bytes());
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

  static write(w: Writer, v: number, o: DescribedGroupMember): void {
    const flexible = v >= 5;
    if (v >= 5) w.compactString(o.memberId);
    else w.string(o.memberId);
    if (v >= 4) {
      if (v >= 5) w.compactNullableString(o.groupInstanceId);
      else w.nullableString(o.groupInstanceId);
    }
    if (v >= 5) w.compactString(o.clientId);
    else w.string(o.clientId);
    if (v >= 5) w.compactString(o.clientHost);
    else w.string(o.clientHost);
    if (v >= 5) w.compactBytes(o.memberMetadata);
    else w.bytes(o.memberMetadata);
    if (v >= 5) w.compactBytes(o.memberAssignment);
    else w.bytes(o.memberAssignment);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribedGroupMember): number {
    let s = 0;
    const flexible = v >= 5;
    s += (v >= 5 ? sizeOfCompactString(o.memberId) : sizeOfString(o.memberId));
    if (v >= 4) {
      s += (o.groupInstanceId === null ? (v >= 5 ? 1 : 2) : (v >= 5 ? sizeOfCompactString(o.groupInstanceId) : sizeOfString(o.groupInstanceId)));
    }
    s += (v >= 5 ? sizeOfCompactString(o.clientId) : sizeOfString(o.clientId));
    s += (v >= 5 ? sizeOfCompactString(o.clientHost) : sizeOfString(o.clientHost));
    s += (v >= 5 ? sizeOfCompactLength(o.memberMetadata.length) + o.memberMetadata.length : 4 + o.memberMetadata.length);
    s += (v >= 5 ? sizeOfCompactLength(o.memberAssignment.length) + o.memberAssignment.length : 4 + o.memberAssignment.length);
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
  static isDefault(o: DescribedGroupMember): boolean {
    return (o.memberId === "") &&
      (o.groupInstanceId === null) &&
      (o.clientId === "") &&
      (o.clientHost === "") &&
      (o.memberMetadata.length === 0) &&
      (o.memberAssignment.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DescribedGroup {
  /** The describe error, or 0 if there was no error. Versions 0-5. */
  errorCode: number = 0;
  /** The group ID string. Versions 0-5. */
  groupId: string = "";
  /** The group state string, or the empty string. Versions 0-5. */
  groupState: string = "";
  /** The group protocol type, or the empty string. Versions 0-5. */
  protocolType: string = "";
  /** The group protocol data, or the empty string. Versions 0-5. */
  protocolData: string = "";
  /** The group members. Versions 0-5. */
  members: DescribedGroupMember[] = [];
  /** 32-bit bitfield to represent authorized operations for this group. Versions 3-5. */
  authorizedOperations: number = -2147483648;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribedGroup {
    const o = new DescribedGroup();
    const flexible = v >= 5;
    o.errorCode = r.int16();
    o.groupId = (v >= 5 ? r.compactString() : r.string());
    o.groupState = (v >= 5 ? r.compactString() : r.string());
    o.protocolType = (v >= 5 ? r.compactString() : r.string());
    o.protocolData = (v >= 5 ? r.compactString() : r.string());
    const n1 = (v >= 5 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Members was null');
    } else {
      const a2: DescribedGroupMember[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribedGroupMember.read(r, v));
      o.members = a2;
    }
    if (v >= 3) {
      o.authorizedOperations = r.int32();
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

  static write(w: Writer, v: number, o: DescribedGroup): void {
    const flexible = v >= 5;
    w.int16(o.errorCode);
    if (v >= 5) w.compactString(o.groupId);
    else w.string(o.groupId);
    if (v >= 5) w.compactString(o.groupState);
    else w.string(o.groupState);
    if (v >= 5) w.compactString(o.protocolType);
    else w.string(o.protocolType);
    if (v >= 5) w.compactString(o.protocolData);
    else w.string(o.protocolData);
    if (v >= 5) w.compactArrayLength(o.members.length);
    else w.arrayLength(o.members.length);
    for (let i4 = 0; i4 < o.members.length; i4++) DescribedGroupMember.write(w, v, o.members[i4]!);
    if (v >= 3) {
      w.int32(o.authorizedOperations);
    }
    if (!(v >= 3)) {
      if (!(o.authorizedOperations === -2147483648)) throw fieldNotSupported('AuthorizedOperations', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribedGroup): number {
    let s = 0;
    const flexible = v >= 5;
    s += 2;
    s += (v >= 5 ? sizeOfCompactString(o.groupId) : sizeOfString(o.groupId));
    s += (v >= 5 ? sizeOfCompactString(o.groupState) : sizeOfString(o.groupState));
    s += (v >= 5 ? sizeOfCompactString(o.protocolType) : sizeOfString(o.protocolType));
    s += (v >= 5 ? sizeOfCompactString(o.protocolData) : sizeOfString(o.protocolData));
    s += (v >= 5 ? sizeOfCompactLength(o.members.length) : 4);
    for (let i5 = 0; i5 < o.members.length; i5++) s += DescribedGroupMember.size(v, o.members[i5]!);
    if (v >= 3) {
      s += 4;
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
  static isDefault(o: DescribedGroup): boolean {
    return (o.errorCode === 0) &&
      (o.groupId === "") &&
      (o.groupState === "") &&
      (o.protocolType === "") &&
      (o.protocolData === "") &&
      (o.members.length === 0) &&
      (o.authorizedOperations === -2147483648) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeGroupsResponse: versions 0-5, flexible 5+. */
export class DescribeGroupsResponse {
  static readonly messageName = 'DescribeGroupsResponse';
  static readonly apiKey = 15;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 5;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-5. */
  throttleTimeMs: number = 0;
  /** Each described group. Versions 0-5. */
  groups: DescribedGroup[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeGroupsResponse {
    const o = new DescribeGroupsResponse();
    const flexible = v >= 5;
    if (v >= 1) {
      o.throttleTimeMs = r.int32();
    }
    const n1 = (v >= 5 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Groups was null');
    } else {
      const a2: DescribedGroup[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribedGroup.read(r, v));
      o.groups = a2;
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

  static write(w: Writer, v: number, o: DescribeGroupsResponse): void {
    const flexible = v >= 5;
    if (v >= 1) {
      w.int32(o.throttleTimeMs);
    }
    if (v >= 5) w.compactArrayLength(o.groups.length);
    else w.arrayLength(o.groups.length);
    for (let i4 = 0; i4 < o.groups.length; i4++) DescribedGroup.write(w, v, o.groups[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeGroupsResponse): number {
    let s = 0;
    const flexible = v >= 5;
    if (v >= 1) {
      s += 4;
    }
    s += (v >= 5 ? sizeOfCompactLength(o.groups.length) : 4);
    for (let i5 = 0; i5 < o.groups.length; i5++) s += DescribedGroup.size(v, o.groups[i5]!);
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
  static isDefault(o: DescribeGroupsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.groups.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
