// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/CreateAclsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class AclCreationResult {
  /** The result error, or zero if there was no error. Versions 0-3. */
  errorCode: number = 0;
  /** The result message, or null if there was no error. Versions 0-3. */
  errorMessage: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AclCreationResult {
    const o = new AclCreationResult();
    const flexible = v >= 2;
    o.errorCode = r.int16();
    o.errorMessage = (v >= 2 ? r.compactNullableString() : r.nullableString());
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

  static write(w: Writer, v: number, o: AclCreationResult): void {
    const flexible = v >= 2;
    w.int16(o.errorCode);
    if (v >= 2) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AclCreationResult): number {
    let s = 0;
    const flexible = v >= 2;
    s += 2;
    s += (o.errorMessage === null ? (v >= 2 ? 1 : 2) : (v >= 2 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
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
  static isDefault(o: AclCreationResult): boolean {
    return (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** CreateAclsResponse: versions 0-3, flexible 2+. */
export class CreateAclsResponse {
  static readonly messageName = 'CreateAclsResponse';
  static readonly apiKey = 30;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number = 0;
  /** The results for each ACL creation. Versions 0-3. */
  results: AclCreationResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreateAclsResponse {
    const o = new CreateAclsResponse();
    const flexible = v >= 2;
    o.throttleTimeMs = r.int32();
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Results was null');
    } else {
      const a2: AclCreationResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AclCreationResult.read(r, v));
      o.results = a2;
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

  static write(w: Writer, v: number, o: CreateAclsResponse): void {
    const flexible = v >= 2;
    w.int32(o.throttleTimeMs);
    if (v >= 2) w.compactArrayLength(o.results.length);
    else w.arrayLength(o.results.length);
    for (let i4 = 0; i4 < o.results.length; i4++) AclCreationResult.write(w, v, o.results[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreateAclsResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 4;
    s += (v >= 2 ? sizeOfCompactLength(o.results.length) : 4);
    for (let i5 = 0; i5 < o.results.length; i5++) s += AclCreationResult.size(v, o.results[i5]!);
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
  static isDefault(o: CreateAclsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.results.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
