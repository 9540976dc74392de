// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/SyncGroupResponse.json

import { EMPTY_BYTES, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** SyncGroupResponse: versions 0-5, flexible 4+. */
export class SyncGroupResponse {
  static readonly messageName = 'SyncGroupResponse';
  static readonly apiKey = 14;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-5. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-5. */
  errorCode: number = 0;
  /** The group protocol type. Versions 5-5. */
  protocolType: string | null = null;
  /** The group protocol name. Versions 5-5. */
  protocolName: string | null = null;
  /** The member assignment. Versions 0-5. */
  assignment: Buffer = EMPTY_BYTES;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): SyncGroupResponse {
    const o = new SyncGroupResponse();
    const flexible = v >= 4;
    if (v >= 1) {
      o.throttleTimeMs = r.int32();
    }
    o.errorCode = r.int16();
    if (v >= 5) {
      o.protocolType = r.compactNullableString();
    }
    if (v >= 5) {
      o.protocolName = r.compactNullableString();
    }
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

  static write(w: Writer, v: number, o: SyncGroupResponse): void {
    const flexible = v >= 4;
    if (v >= 1) {
      w.int32(o.throttleTimeMs);
    }
    w.int16(o.errorCode);
    if (v >= 5) {
      w.compactNullableString(o.protocolType);
    }
    if (v >= 5) {
      w.compactNullableString(o.protocolName);
    }
    if (v >= 4) w.compactBytes(o.assignment);
    else w.bytes(o.assignment);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: SyncGroupResponse): number {
    let s = 0;
    const flexible = v >= 4;
    if (v >= 1) {
      s += 4;
    }
    s += 2;
    if (v >= 5) {
      s += (o.protocolType === null ? 1 : sizeOfCompactString(o.protocolType));
    }
    if (v >= 5) {
      s += (o.protocolName === null ? 1 : sizeOfCompactString(o.protocolName));
    }
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
  static isDefault(o: SyncGroupResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.protocolType === null) &&
      (o.protocolName === null) &&
      (o.assignment.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
