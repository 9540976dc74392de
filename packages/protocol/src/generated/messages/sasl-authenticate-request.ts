// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/SaslAuthenticateRequest.json

import { EMPTY_BYTES, sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** SaslAuthenticateRequest: versions 0-2, flexible 2+. */
export class SaslAuthenticateRequest {
  static readonly messageName = 'SaslAuthenticateRequest';
  static readonly apiKey = 36;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The SASL authentication bytes from the client, as defined by the SASL mechanism. Versions 0-2. */
  authBytes: Buffer = EMPTY_BYTES;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): SaslAuthenticateRequest {
    const o = new SaslAuthenticateRequest();
    const flexible = v >= 2;
    o.authBytes = (v >= 2 ? r.compactBytes() : r.bytes());
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

  static write(w: Writer, v: number, o: SaslAuthenticateRequest): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactBytes(o.authBytes);
    else w.bytes(o.authBytes);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: SaslAuthenticateRequest): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactLength(o.authBytes.length) + o.authBytes.length : 4 + o.authBytes.length);
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
  static isDefault(o: SaslAuthenticateRequest): boolean {
    return (o.authBytes.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
