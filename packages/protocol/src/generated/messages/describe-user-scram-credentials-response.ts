// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeUserScramCredentialsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class CredentialInfo {
  /** The SCRAM mechanism. Versions 0-0. */
  mechanism: number = 0;
  /** The number of iterations used in the SCRAM credential. Versions 0-0. */
  iterations: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CredentialInfo {
    const o = new CredentialInfo();
    o.mechanism = r.int8();
    o.iterations = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: CredentialInfo): void {
    w.int8(o.mechanism);
    w.int32(o.iterations);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: CredentialInfo): number {
    let s = 0;
    s += 1;
    s += 4;
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
  static isDefault(o: CredentialInfo): boolean {
    return (o.mechanism === 0) &&
      (o.iterations === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DescribeUserScramCredentialsResult {
  /** The user name. Versions 0-0. */
  user: string = "";
  /** The user-level error code. Versions 0-0. */
  errorCode: number = 0;
  /** The user-level error message, if any. Versions 0-0. */
  errorMessage: string | null = "";
  /** The mechanism and related information associated with the user's SCRAM credentials. Versions 0-0. */
  credentialInfos: CredentialInfo[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeUserScramCredentialsResult {
    const o = new DescribeUserScramCredentialsResult();
    o.user = r.compactString();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field CredentialInfos was null');
    } else {
      const a2: CredentialInfo[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(CredentialInfo.read(r, v));
      o.credentialInfos = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeUserScramCredentialsResult): void {
    w.compactString(o.user);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    w.compactArrayLength(o.credentialInfos.length);
    for (let i4 = 0; i4 < o.credentialInfos.length; i4++) CredentialInfo.write(w, v, o.credentialInfos[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeUserScramCredentialsResult): number {
    let s = 0;
    s += sizeOfCompactString(o.user);
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    s += sizeOfCompactLength(o.credentialInfos.length);
    for (let i5 = 0; i5 < o.credentialInfos.length; i5++) s += CredentialInfo.size(v, o.credentialInfos[i5]!);
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
  static isDefault(o: DescribeUserScramCredentialsResult): boolean {
    return (o.user === "") &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.credentialInfos.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeUserScramCredentialsResponse: versions 0, flexible 0+. */
export class DescribeUserScramCredentialsResponse {
  static readonly messageName = 'DescribeUserScramCredentialsResponse';
  static readonly apiKey = 50;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The message-level error code, 0 except for user authorization or infrastructure issues. Versions 0-0. */
  errorCode: number = 0;
  /** The message-level error message, if any. Versions 0-0. */
  errorMessage: string | null = "";
  /** The results for descriptions, one per user. Versions 0-0. */
  results: DescribeUserScramCredentialsResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeUserScramCredentialsResponse {
    const o = new DescribeUserScramCredentialsResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Results was null');
    } else {
      const a2: DescribeUserScramCredentialsResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeUserScramCredentialsResult.read(r, v));
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

  static write(w: Writer, v: number, o: DescribeUserScramCredentialsResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    w.compactArrayLength(o.results.length);
    for (let i4 = 0; i4 < o.results.length; i4++) DescribeUserScramCredentialsResult.write(w, v, o.results[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeUserScramCredentialsResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    s += sizeOfCompactLength(o.results.length);
    for (let i5 = 0; i5 < o.results.length; i5++) s += DescribeUserScramCredentialsResult.size(v, o.results[i5]!);
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
  static isDefault(o: DescribeUserScramCredentialsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.results.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
