// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/SaslAuthenticateResponse.json

import { EMPTY_BYTES, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** SaslAuthenticateResponse: versions 0-2, flexible 2+. */
export class SaslAuthenticateResponse {
  static readonly messageName = 'SaslAuthenticateResponse';
  static readonly apiKey = 36;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The error code, or 0 if there was no error. Versions 0-2. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 0-2. */
  errorMessage: string | null = "";
  /** The SASL authentication bytes from the server, as defined by the SASL mechanism. Versions 0-2. */
  authBytes: Buffer = EMPTY_BYTES;
  /** Number of milliseconds after which only re-authentication over the existing connection to create a new session can occur. Versions 1-2. */
  sessionLifetimeMs: bigint = 0n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): SaslAuthenticateResponse {
    const o = new SaslAuthenticateResponse();
    const flexible = v >= 2;
    o.errorCode = r.int16();
    o.errorMessage = (v >= 2 ? r.compactNullableString() : r.nullableString());
    o.authBytes = (v >= 2 ? r.compactBytes() : r.bytes());
    if (v >= 1) {
      o.sessionLifetimeMs = r.int64();
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

  static write(w: Writer, v: number, o: SaslAuthenticateResponse): void {
    const flexible = v >= 2;
    w.int16(o.errorCode);
    if (v >= 2) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
    if (v >= 2) w.compactBytes(o.authBytes);
    else w.bytes(o.authBytes);
    if (v >= 1) {
      w.int64(o.sessionLifetimeMs);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: SaslAuthenticateResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 2;
    s += (o.errorMessage === null ? (v >= 2 ? 1 : 2) : (v >= 2 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
    s += (v >= 2 ? sizeOfCompactLength(o.authBytes.length) + o.authBytes.length : 4 + o.authBytes.length);
    if (v >= 1) {
      s += 8;
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
  static isDefault(o: SaslAuthenticateResponse): boolean {
    return (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.authBytes.length === 0) &&
      (o.sessionLifetimeMs === 0n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
