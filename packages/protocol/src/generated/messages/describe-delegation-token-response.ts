// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeDelegationTokenResponse.json

import { EMPTY_BYTES, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DescribedDelegationTokenRenewer {
  /** The renewer principal type Versions 0-3. */
  principalType: string = "";
  /** The renewer principal name Versions 0-3. */
  principalName: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribedDelegationTokenRenewer {
    const o = new DescribedDelegationTokenRenewer();
    const flexible = v >= 2;
    o.principalType = (v >= 2 ? r.compactString() : r.string());
    o.principalName = (v >= 2 ? r.compactString() : r.string());
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

  static write(w: Writer, v: number, o: DescribedDelegationTokenRenewer): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.principalType);
    else w.string(o.principalType);
    if (v >= 2) w.compactString(o.principalName);
    else w.string(o.principalName);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribedDelegationTokenRenewer): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.principalType) : sizeOfString(o.principalType));
    s += (v >= 2 ? sizeOfCompactString(o.principalName) : sizeOfString(o.principalName));
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
  static isDefault(o: DescribedDelegationTokenRenewer): boolean {
    return (o.principalType === "") &&
      (o.principalName === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DescribedDelegationToken {
  /** The token principal type. Versions 0-3. */
  principalType: string = "";
  /** The token principal name. Versions 0-3. */
  principalName: string = "";
  /** The principal type of the requester of the token. Versions 3-3. */
  tokenRequesterPrincipalType: string = "";
  /** The principal type of the requester of the token. Versions 3-3. */
  tokenRequesterPrincipalName: string = "";
  /** The token issue timestamp in milliseconds. Versions 0-3. */
  issueTimestamp: bigint = 0n;
  /** The token expiry timestamp in milliseconds. Versions 0-3. */
  expiryTimestamp: bigint = 0n;
  /** The token maximum timestamp length in milliseconds. Versions 0-3. */
  maxTimestamp: bigint = 0n;
  /** The token ID. Versions 0-3. */
  tokenId: string = "";
  /** The token HMAC. Versions 0-3. */
  hmac: Buffer = EMPTY_BYTES;
  /** Those who are able to renew this token before it expires. Versions 0-3. */
  renewers: DescribedDelegationTokenRenewer[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribedDelegationToken {
    const o = new DescribedDelegationToken();
    const flexible = v >= 2;
    o.principalType = (v >= 2 ? r.compactString() : r.string());
    o.principalName = (v >= 2 ? r.compactString() : r.string());
    if (v >= 3) {
      o.tokenRequesterPrincipalType = r.compactString();
    }
    if (v >= 3) {
      o.tokenRequesterPrincipalName = r.compactString();
    }
    o.issueTimestamp = r.int64();
    o.expiryTimestamp = r.int64();
    o.maxTimestamp = r.int64();
    o.tokenId = (v >= 2 ? r.compactString() : r.string());
    o.hmac = (v >= 2 ? r.compactBytes() : r.bytes());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Renewers was null');
    } else {
      const a2: DescribedDelegationTokenRenewer[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribedDelegationTokenRenewer.read(r, v));
      o.renewers = a2;
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

  static write(w: Writer, v: number, o: DescribedDelegationToken): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.principalType);
    else w.string(o.principalType);
    if (v >= 2) w.compactString(o.principalName);
    else w.string(o.principalName);
    if (v >= 3) {
      w.compactString(o.tokenRequesterPrincipalType);
    }
    if (!(v >= 3)) {
      if (!(o.tokenRequesterPrincipalType === "")) throw fieldNotSupported('TokenRequesterPrincipalType', v);
    }
    if (v >= 3) {
      w.compactString(o.tokenRequesterPrincipalName);
    }
    if (!(v >= 3)) {
      if (!(o.tokenRequesterPrincipalName === "")) throw fieldNotSupported('TokenRequesterPrincipalName', v);
    }
    w.int64(o.issueTimestamp);
    w.int64(o.expiryTimestamp);
    w.int64(o.maxTimestamp);
    if (v >= 2) w.compactString(o.tokenId);
    else w.string(o.tokenId);
    if (v >= 2) w.compactBytes(o.hmac);
    else w.bytes(o.hmac);
    if (v >= 2) w.compactArrayLength(o.renewers.length);
    else w.arrayLength(o.renewers.length);
    for (let i4 = 0; i4 < o.renewers.length; i4++) DescribedDelegationTokenRenewer.write(w, v, o.renewers[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribedDelegationToken): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.principalType) : sizeOfString(o.principalType));
    s += (v >= 2 ? sizeOfCompactString(o.principalName) : sizeOfString(o.principalName));
    if (v >= 3) {
      s += sizeOfCompactString(o.tokenRequesterPrincipalType);
    }
    if (v >= 3) {
      s += sizeOfCompactString(o.tokenRequesterPrincipalName);
    }
    s += 8;
    s += 8;
    s += 8;
    s += (v >= 2 ? sizeOfCompactString(o.tokenId) : sizeOfString(o.tokenId));
    s += (v >= 2 ? sizeOfCompactLength(o.hmac.length) + o.hmac.length : 4 + o.hmac.length);
    s += (v >= 2 ? sizeOfCompactLength(o.renewers.length) : 4);
    for (let i5 = 0; i5 < o.renewers.length; i5++) s += DescribedDelegationTokenRenewer.size(v, o.renewers[i5]!);
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
  static isDefault(o: DescribedDelegationToken): boolean {
    return (o.principalType === "") &&
      (o.principalName === "") &&
      (o.tokenRequesterPrincipalType === "") &&
      (o.tokenRequesterPrincipalName === "") &&
      (o.issueTimestamp === 0n) &&
      (o.expiryTimestamp === 0n) &&
      (o.maxTimestamp === 0n) &&
      (o.tokenId === "") &&
      (o.hmac.length === 0) &&
      (o.renewers.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeDelegationTokenResponse: versions 0-3, flexible 2+. */
export class DescribeDelegationTokenResponse {
  static readonly messageName = 'DescribeDelegationTokenResponse';
  static readonly apiKey = 41;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The error code, or 0 if there was no error. Versions 0-3. */
  errorCode: number = 0;
  /** The tokens. Versions 0-3. */
  tokens: DescribedDelegationToken[] = [];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeDelegationTokenResponse {
    const o = new DescribeDelegationTokenResponse();
    const flexible = v >= 2;
    o.errorCode = r.int16();
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Tokens was null');
    } else {
      const a2: DescribedDelegationToken[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribedDelegationToken.read(r, v));
      o.tokens = a2;
    }
    o.throttleTimeMs = r.int32();
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

  static write(w: Writer, v: number, o: DescribeDelegationTokenResponse): void {
    const flexible = v >= 2;
    w.int16(o.errorCode);
    if (v >= 2) w.compactArrayLength(o.tokens.length);
    else w.arrayLength(o.tokens.length);
    for (let i4 = 0; i4 < o.tokens.length; i4++) DescribedDelegationToken.write(w, v, o.tokens[i4]!);
    w.int32(o.throttleTimeMs);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeDelegationTokenResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 2;
    s += (v >= 2 ? sizeOfCompactLength(o.tokens.length) : 4);
    for (let i5 = 0; i5 < o.tokens.length; i5++) s += DescribedDelegationToken.size(v, o.tokens[i5]!);
    s += 4;
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
  static isDefault(o: DescribeDelegationTokenResponse): boolean {
    return (o.errorCode === 0) &&
      (o.tokens.length === 0) &&
      (o.throttleTimeMs === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
