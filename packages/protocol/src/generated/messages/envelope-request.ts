// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/EnvelopeRequest.json

import { EMPTY_BYTES, sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** EnvelopeRequest: versions 0, flexible 0+. */
export class EnvelopeRequest {
  static readonly messageName = 'EnvelopeRequest';
  static readonly apiKey = 58;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The embedded request header and data. Versions 0-0. */
  requestData: Buffer = EMPTY_BYTES;
  /** Value of the initial client principal when the request is redirected by a broker. Versions 0-0. */
  requestPrincipal: Buffer | null = EMPTY_BYTES;
  /** The original client's address in bytes. Versions 0-0. */
  clientHostAddress: Buffer = EMPTY_BYTES;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): EnvelopeRequest {
    const o = new EnvelopeRequest();
    o.requestData = r.compactBytes();
    o.requestPrincipal = r.compactNullableBytes();
    o.clientHostAddress = r.compactBytes();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: EnvelopeRequest): void {
    w.compactBytes(o.requestData);
    w.compactNullableBytes(o.requestPrincipal);
    w.compactBytes(o.clientHostAddress);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: EnvelopeRequest): number {
    let s = 0;
    s += sizeOfCompactLength(o.requestData.length) + o.requestData.length;
    s += (o.requestPrincipal === null ? 1 : sizeOfCompactLength(o.requestPrincipal.length) + o.requestPrincipal.length);
    s += sizeOfCompactLength(o.clientHostAddress.length) + o.clientHostAddress.length;
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
  static isDefault(o: EnvelopeRequest): boolean {
    return (o.requestData.length === 0) &&
      (o.requestPrincipal !== null && o.requestPrincipal.length === 0) &&
      (o.clientHostAddress.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
