// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/BrokerRegistrationResponse.json

import { sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** BrokerRegistrationResponse: versions 0-4, flexible 0+. */
export class BrokerRegistrationResponse {
  static readonly messageName = 'BrokerRegistrationResponse';
  static readonly apiKey = 62;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-4. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-4. */
  errorCode: number = 0;
  /** The broker's assigned epoch, or -1 if none was assigned. Versions 0-4. */
  brokerEpoch: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): BrokerRegistrationResponse {
    const o = new BrokerRegistrationResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.brokerEpoch = r.int64();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: BrokerRegistrationResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.int64(o.brokerEpoch);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: BrokerRegistrationResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += 8;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: BrokerRegistrationResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.brokerEpoch === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
