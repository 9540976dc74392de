// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ApiVersionsRequest.json

import { sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ApiVersionsRequest: versions 0-4, flexible 3+. */
export class ApiVersionsRequest {
  static readonly messageName = 'ApiVersionsRequest';
  static readonly apiKey = 18;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** The name of the client. Versions 3-4. */
  clientSoftwareName: string = "";
  /** The version of the client. Versions 3-4. */
  clientSoftwareVersion: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ApiVersionsRequest {
    const o = new ApiVersionsRequest();
    const flexible = v >= 3;
    if (v >= 3) {
      o.clientSoftwareName = r.compactString();
    }
    if (v >= 3) {
      o.clientSoftwareVersion = r.compactString();
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

  static write(w: Writer, v: number, o: ApiVersionsRequest): void {
    const flexible = v >= 3;
    if (v >= 3) {
      w.compactString(o.clientSoftwareName);
    }
    if (v >= 3) {
      w.compactString(o.clientSoftwareVersion);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ApiVersionsRequest): number {
    let s = 0;
    const flexible = v >= 3;
    if (v >= 3) {
      s += sizeOfCompactString(o.clientSoftwareName);
    }
    if (v >= 3) {
      s += sizeOfCompactString(o.clientSoftwareVersion);
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
  static isDefault(o: ApiVersionsRequest): boolean {
    return (o.clientSoftwareName === "") &&
      (o.clientSoftwareVersion === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
