// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/RenewDelegationTokenResponse.json

import { sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** RenewDelegationTokenResponse: versions 0-2, flexible 2+. */
export class RenewDelegationTokenResponse {
  static readonly messageName = 'RenewDelegationTokenResponse';
  static readonly apiKey = 39;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The error code, or 0 if there was no error. Versions 0-2. */
  errorCode: number = 0;
  /** The timestamp in milliseconds at which this token expires. Versions 0-2. */
  expiryTimestampMs: bigint = 0n;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): RenewDelegationTokenResponse {
    const o = new RenewDelegationTokenResponse();
    const flexible = v >= 2;
    o.errorCode = r.int16();
    o.expiryTimestampMs = r.int64();
    o.throttleTimeMs = r.int32();
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

  static write(w: Writer, v: number, o: RenewDelegationTokenResponse): void {
    const flexible = v >= 2;
    w.int16(o.errorCode);
    w.int64(o.expiryTimestampMs);
    w.int32(o.throttleTimeMs);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: RenewDelegationTokenResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 2;
    s += 8;
    s += 4;
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
  static isDefault(o: RenewDelegationTokenResponse): boolean {
    return (o.errorCode === 0) &&
      (o.expiryTimestampMs === 0n) &&
      (o.throttleTimeMs === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
