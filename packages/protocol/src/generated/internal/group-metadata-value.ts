// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/GroupMetadataValue.json

import { EMPTY_BYTES, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class MemberMetadata {
  /** Versions 0-4. */
  memberId: string = "";
  /** Versions 3-4. */
  groupInstanceId: string | null = null;
  /** Versions 0-4. */
  clientId: string = "";
  /** Versions 0-4. */
  clientHost: string = "";
  /** Versions 1-4. */
  rebalanceTimeout: number = -1;
  /** Versions 0-4. */
  sessionTimeout: number = 0;
  /** Versions 0-4. */
  subscription: Buffer = EMPTY_BYTES;
  /** Versions 0-4. */
  assignment: Buffer = EMPTY_BYTES;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): MemberMetadata {
    const o = new MemberMetadata();
    const flexible = v >= 4;
    o.memberId = (v >= 4 ? r.compactString() : r.string());
    if (v >= 3) {
      o.groupInstanceId = (v >= 4 ? r.compactNullableString() : r.nullableString());
    }
    o.clientId = (v >= 4 ? r.compactString() : r.string());
    o.clientHost = (v >= 4 ? r.compactString() : r.string());
    if (v >= 1) {
      o.rebalanceTimeout = r.int32();
    }
    o.sessionTimeout = r.int32();
    o.subscription = (v >= 4 ? r.compactBytes() : r.bytes());
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

  static write(w: Writer, v: number, o: MemberMetadata): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.memberId);
    else w.string(o.memberId);
    if (v >= 3) {
      if (v >= 4) w.compactNullableString(o.groupInstanceId);
      else w.nullableString(o.groupInstanceId);
    }
    if (v >= 4) w.compactString(o.clientId);
    else w.string(o.clientId);
    if (v >= 4) w.compactString(o.clientHost);
    else w.string(o.clientHost);
    if (v >= 1) {
      w.int32(o.rebalanceTimeout);
    }
    w.int32(o.sessionTimeout);
    if (v >= 4) w.compactBytes(o.subscription);
    else w.bytes(o.subscription);
    if (v >= 4) w.compactBytes(o.assignment);
    else w.bytes(o.assignment);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: MemberMetadata): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.memberId) : sizeOfString(o.memberId));
    if (v >= 3) {
      s += (o.groupInstanceId === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.groupInstanceId) : sizeOfString(o.groupInstanceId)));
    }
    s += (v >= 4 ? sizeOfCompactString(o.clientId) : sizeOfString(o.clientId));
    s += (v >= 4 ? sizeOfCompactString(o.clientHost) : sizeOfString(o.clientHost));
    if (v >= 1) {
      s += 4;
    }
    s += 4;
    s += (v >= 4 ? sizeOfCompactLength(o.subscription.length) + o.subscription.length : 4 + o.subscription.length);
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
  static isDefault(o: MemberMetadata): boolean {
    return (o.memberId === "") &&
      (o.groupInstanceId === null) &&
      (o.clientId === "") &&
      (o.clientHost === "") &&
      (o.rebalanceTimeout === -1) &&
      (o.sessionTimeout === 0) &&
      (o.subscription.length === 0) &&
      (o.assignment.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** GroupMetadataValue: versions 0-4, flexible 4+. */
export class GroupMetadataValue {
  static readonly messageName = 'GroupMetadataValue';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** Versions 0-4. */
  protocolType: string = "";
  /** Versions 0-4. */
  generation: number = 0;
  /** Versions 0-4. */
  protocol: string | null = "";
  /** Versions 0-4. */
  leader: string | null = "";
  /** Versions 2-4. */
  currentStateTimestamp: bigint = -1n;
  /** Versions 0-4. */
  members: MemberMetadata[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): GroupMetadataValue {
    const o = new GroupMetadataValue();
    const flexible = v >= 4;
    o.protocolType = (v >= 4 ? r.compactString() : r.string());
    o.generation = r.int32();
    o.protocol = (v >= 4 ? r.compactNullableString() : r.nullableString());
    o.leader = (v >= 4 ? r.compactNullableString() : r.nullableString());
    if (v >= 2) {
      o.currentStateTimestamp = r.int64();
    }
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field members was null');
    } else {
      const a2: MemberMetadata[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(MemberMetadata.read(r, v));
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

  static write(w: Writer, v: number, o: GroupMetadataValue): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.protocolType);
    else w.string(o.protocolType);
    w.int32(o.generation);
    if (v >= 4) w.compactNullableString(o.protocol);
    else w.nullableString(o.protocol);
    if (v >= 4) w.compactNullableString(o.leader);
    else w.nullableString(o.leader);
    if (v >= 2) {
      w.int64(o.currentStateTimestamp);
    }
    if (v >= 4) w.compactArrayLength(o.members.length);
    else w.arrayLength(o.members.length);
    for (let i4 = 0; i4 < o.members.length; i4++) MemberMetadata.write(w, v, o.members[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: GroupMetadataValue): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.protocolType) : sizeOfString(o.protocolType));
    s += 4;
    s += (o.protocol === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.protocol) : sizeOfString(o.protocol)));
    s += (o.leader === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.leader) : sizeOfString(o.leader)));
    if (v >= 2) {
      s += 8;
    }
    s += (v >= 4 ? sizeOfCompactLength(o.members.length) : 4);
    for (let i5 = 0; i5 < o.members.length; i5++) s += MemberMetadata.size(v, o.members[i5]!);
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
  static isDefault(o: GroupMetadataValue): boolean {
    return (o.protocolType === "") &&
      (o.generation === 0) &&
      (o.protocol === "") &&
      (o.leader === "") &&
      (o.currentStateTimestamp === -1n) &&
      (o.members.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
