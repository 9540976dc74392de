// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/JoinGroupRequest.json

import { EMPTY_BYTES, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class JoinGroupRequestProtocol {
  /** The protocol name. Versions 0-9. */
  name: string = "";
  /** The protocol metadata. Versions 0-9. */
  metadata: Buffer = EMPTY_BYTES;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): JoinGroupRequestProtocol {
    const o = new JoinGroupRequestProtocol();
    const flexible = v >= 6;
    o.name = (v >= 6 ? r.compactString() : r.string());
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

  static write(w: Writer, v: number, o: JoinGroupRequestProtocol): void {
    const flexible = v >= 6;
    if (v >= 6) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 6) w.compactBytes(o.metadata);
    else w.bytes(o.metadata);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: JoinGroupRequestProtocol): number {
    let s = 0;
    const flexible = v >= 6;
    s += (v >= 6 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
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
  static isDefault(o: JoinGroupRequestProtocol): boolean {
    return (o.name === "") &&
      (o.metadata.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** JoinGroupRequest: versions 0-9, flexible 6+. */
export class JoinGroupRequest {
  static readonly messageName = 'JoinGroupRequest';
  static readonly apiKey = 11;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 9;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 6;

  /** The group identifier. Versions 0-9. */
  groupId: string = "";
  /** The coordinator considers the consumer dead if it receives no heartbeat after this timeout in milliseconds. Versions 0-9. */
  sessionTimeoutMs: number = 0;
  /** The maximum time in milliseconds that the coordinator will wait for each member to rejoin when rebalancing the group. Versions 1-9. */
  rebalanceTimeoutMs: number = -1;
  /** The member id assigned by the group coordinator. Versions 0-9. */
  memberId: string = "";
  /** The unique identifier of the consumer instance provided by end user. Versions 5-9. */
  groupInstanceId: string | null = null;
  /** The unique name the for class of protocols implemented by the group we want to join. Versions 0-9. */
  protocolType: string = "";
  /** The list of protocols that the member supports. Versions 0-9. */
  protocols: JoinGroupRequestProtocol[] = [];
  /** The reason why the member (re-)joins the group. Versions 8-9. */
  reason: string | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): JoinGroupRequest {
    const o = new JoinGroupRequest();
    const flexible = v >= 6;
    o.groupId = (v >= 6 ? r.compactString() : r.string());
    o.sessionTimeoutMs = r.int32();
    if (v >= 1) {
      o.rebalanceTimeoutMs = r.int32();
    }
    o.memberId = (v >= 6 ? r.compactString() : r.string());
    if (v >= 5) {
      o.groupInstanceId = (v >= 6 ? r.compactNullableString() : r.nullableString());
    }
    o.protocolType = (v >= 6 ? r.compactString() : r.string());
    const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Protocols was null');
    } else {
      const a2: JoinGroupRequestProtocol[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(JoinGroupRequestProtocol.read(r, v));
      o.protocols = a2;
    }
    if (v >= 8) {
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

  static write(w: Writer, v: number, o: JoinGroupRequest): void {
    const flexible = v >= 6;
    if (v >= 6) w.compactString(o.groupId);
    else w.string(o.groupId);
    w.int32(o.sessionTimeoutMs);
    if (v >= 1) {
      w.int32(o.rebalanceTimeoutMs);
    }
    if (v >= 6) w.compactString(o.memberId);
    else w.string(o.memberId);
    if (v >= 5) {
      if (v >= 6) w.compactNullableString(o.groupInstanceId);
      else w.nullableString(o.groupInstanceId);
    }
    if (!(v >= 5)) {
      if (!(o.groupInstanceId === null)) throw fieldNotSupported('GroupInstanceId', v);
    }
    if (v >= 6) w.compactString(o.protocolType);
    else w.string(o.protocolType);
    if (v >= 6) w.compactArrayLength(o.protocols.length);
    else w.arrayLength(o.protocols.length);
    for (let i4 = 0; i4 < o.protocols.length; i4++) JoinGroupRequestProtocol.write(w, v, o.protocols[i4]!);
    if (v >= 8) {
      w.compactNullableString(o.reason);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: JoinGroupRequest): number {
    let s = 0;
    const flexible = v >= 6;
    s += (v >= 6 ? sizeOfCompactString(o.groupId) : sizeOfString(o.groupId));
    s += 4;
    if (v >= 1) {
      s += 4;
    }
    s += (v >= 6 ? sizeOfCompactString(o.memberId) : sizeOfString(o.memberId));
    if (v >= 5) {
      s += (o.groupInstanceId === null ? (v >= 6 ? 1 : 2) : (v >= 6 ? sizeOfCompactString(o.groupInstanceId) : sizeOfString(o.groupInstanceId)));
    }
    s += (v >= 6 ? sizeOfCompactString(o.protocolType) : sizeOfString(o.protocolType));
    s += (v >= 6 ? sizeOfCompactLength(o.protocols.length) : 4);
    for (let i5 = 0; i5 < o.protocols.length; i5++) s += JoinGroupRequestProtocol.size(v, o.protocols[i5]!);
    if (v >= 8) {
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
  static isDefault(o: JoinGroupRequest): boolean {
    return (o.groupId === "") &&
      (o.sessionTimeoutMs === 0) &&
      (o.rebalanceTimeoutMs === -1) &&
      (o.memberId === "") &&
      (o.groupInstanceId === null) &&
      (o.protocolType === "") &&
      (o.protocols.length === 0) &&
      (o.reason === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
