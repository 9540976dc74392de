// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/EnvelopeResponse.json

import { sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** EnvelopeResponse: versions 0, flexible 0+. */
export class EnvelopeResponse {
  static readonly messageName = 'EnvelopeResponse';
  static readonly apiKey = 58;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The embedded response header and data. Versions 0-0. */
  responseData: Buffer | null = null;
  /** The error code, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): EnvelopeResponse {
    const o = new EnvelopeResponse();
    o.responseData = r.compactNullableBytes();
    o.errorCode = r.int16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: EnvelopeResponse): void {
    w.compactNullableBytes(o.responseData);
    w.int16(o.errorCode);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: EnvelopeResponse): number {
    let s = 0;
    s += (o.responseData === null ? 1 : sizeOfCompactLength(o.responseData.length) + o.responseData.length);
    s += 2;
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
  static isDefault(o: EnvelopeResponse): boolean {
    return (o.responseData === null) &&
      (o.errorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
