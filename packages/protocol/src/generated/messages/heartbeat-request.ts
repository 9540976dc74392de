// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/HeartbeatRequest.json

import { fieldNotSupported, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** HeartbeatRequest: versions 0-4, flexible 4+. */
export class HeartbeatRequest {
  static readonly messageName = 'HeartbeatRequest';
  static readonly apiKey = 12;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The group id. Versions 0-4. */
  groupId: string = "";
  /** The generation of the group. Versions 0-4. */
  generationId: number = 0;
  /** The member ID. Versions 0-4. */
  memberId: string = "";
  /** The unique identifier of the consumer instance provided by end user. Versions 3-4. */
  groupInstanceId: string | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): HeartbeatRequest {
    const o = new HeartbeatRequest();
    const flexible = v >= 4;
    o.groupId = (v >= 4 ? r.compactString() : r.string());
    o.generationId = r.int32();
    o.memberId = (v >= 4 ? r.compactString() : r.string());
    if (v >= 3) {
      o.groupInstanceId = (v >= 4 ? r.compactNullableString() : r.nullableString());
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

  static write(w: Writer, v: number, o: HeartbeatRequest): void {
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
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: HeartbeatRequest): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.groupId) : sizeOfString(o.groupId));
    s += 4;
    s += (v >= 4 ? sizeOfCompactString(o.memberId) : sizeOfString(o.memberId));
    if (v >= 3) {
      s += (o.groupInstanceId === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.groupInstanceId) : sizeOfString(o.groupInstanceId)));
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
  static isDefault(o: HeartbeatRequest): boolean {
    return (o.groupId === "") &&
      (o.generationId === 0) &&
      (o.memberId === "") &&
      (o.groupInstanceId === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
