// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AlterUserScramCredentialsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class AlterUserScramCredentialsResult {
  /** The user name. Versions 0-0. */
  user: string = "";
  /** The error code. Versions 0-0. */
  errorCode: number = 0;
  /** The error message, if any. Versions 0-0. */
  errorMessage: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterUserScramCredentialsResult {
    const o = new AlterUserScramCredentialsResult();
    o.user = r.compactString();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: AlterUserScramCredentialsResult): void {
    w.compactString(o.user);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AlterUserScramCredentialsResult): number {
    let s = 0;
    s += sizeOfCompactString(o.user);
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
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
  static isDefault(o: AlterUserScramCredentialsResult): boolean {
    return (o.user === "") &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** AlterUserScramCredentialsResponse: versions 0, flexible 0+. */
export class AlterUserScramCredentialsResponse {
  static readonly messageName = 'AlterUserScramCredentialsResponse';
  static readonly apiKey = 51;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The results for deletions and alterations, one per affected user. Versions 0-0. */
  results: AlterUserScramCredentialsResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterUserScramCredentialsResponse {
    const o = new AlterUserScramCredentialsResponse();
    o.throttleTimeMs = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Results was null');
    } else {
      const a2: AlterUserScramCredentialsResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AlterUserScramCredentialsResult.read(r, v));
      o.results = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: AlterUserScramCredentialsResponse): void {
    w.int32(o.throttleTimeMs);
    w.compactArrayLength(o.results.length);
    for (let i4 = 0; i4 < o.results.length; i4++) AlterUserScramCredentialsResult.write(w, v, o.results[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AlterUserScramCredentialsResponse): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactLength(o.results.length);
    for (let i5 = 0; i5 < o.results.length; i5++) s += AlterUserScramCredentialsResult.size(v, o.results[i5]!);
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
  static isDefault(o: AlterUserScramCredentialsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.results.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
