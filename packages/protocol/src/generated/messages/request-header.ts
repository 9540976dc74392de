// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/RequestHeader.json

import { sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** RequestHeader: versions 0-2, flexible 2+. */
export class RequestHeader {
  static readonly messageName = 'RequestHeader';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The API key of this request. Versions 0-2. */
  requestApiKey: number = 0;
  /** The API version of this request. Versions 0-2. */
  requestApiVersion: number = 0;
  /** The correlation ID of this request. Versions 0-2. */
  correlationId: number = 0;
  /** The client ID string. Versions 1-2. */
  clientId: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): RequestHeader {
    const o = new RequestHeader();
    const flexible = v >= 2;
    o.requestApiKey = r.int16();
    o.requestApiVersion = r.int16();
    o.correlationId = r.int32();
    if (v >= 1) {
      o.clientId = r.nullableString();
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

  static write(w: Writer, v: number, o: RequestHeader): void {
    const flexible = v >= 2;
    w.int16(o.requestApiKey);
    w.int16(o.requestApiVersion);
    w.int32(o.correlationId);
    if (v >= 1) {
      w.nullableString(o.clientId);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: RequestHeader): number {
    let s = 0;
    const flexible = v >= 2;
    s += 2;
    s += 2;
    s += 4;
    if (v >= 1) {
      s += (o.clientId === null ? 2 : sizeOfString(o.clientId));
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
  static isDefault(o: RequestHeader): boolean {
    return (o.requestApiKey === 0) &&
      (o.requestApiVersion === 0) &&
      (o.correlationId === 0) &&
      (o.clientId === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
