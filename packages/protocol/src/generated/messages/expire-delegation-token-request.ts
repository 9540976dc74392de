// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ExpireDelegationTokenRequest.json

import { EMPTY_BYTES, sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ExpireDelegationTokenRequest: versions 0-2, flexible 2+. */
export class ExpireDelegationTokenRequest {
  static readonly messageName = 'ExpireDelegationTokenRequest';
  static readonly apiKey = 40;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The HMAC of the delegation token to be expired. Versions 0-2. */
  hmac: Buffer = EMPTY_BYTES;
  /** The expiry time period in milliseconds. Versions 0-2. */
  expiryTimePeriodMs: bigint = 0n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ExpireDelegationTokenRequest {
    const o = new ExpireDelegationTokenRequest();
    const flexible = v >= 2;
    o.hmac = (v >= 2 ? r.compactBytes() : r.bytes());
    o.expiryTimePeriodMs = r.int64();
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

  static write(w: Writer, v: number, o: ExpireDelegationTokenRequest): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactBytes(o.hmac);
    else w.bytes(o.hmac);
    w.int64(o.expiryTimePeriodMs);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ExpireDelegationTokenRequest): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactLength(o.hmac.length) + o.hmac.length : 4 + o.hmac.length);
    s += 8;
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
  static isDefault(o: ExpireDelegationTokenRequest): boolean {
    return (o.hmac.length === 0) &&
      (o.expiryTimePeriodMs === 0n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
