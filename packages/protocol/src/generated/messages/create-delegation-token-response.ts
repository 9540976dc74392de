// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/CreateDelegationTokenResponse.json

import { EMPTY_BYTES, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** CreateDelegationTokenResponse: versions 0-3, flexible 2+. */
export class CreateDelegationTokenResponse {
  static readonly messageName = 'CreateDelegationTokenResponse';
  static readonly apiKey = 38;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The top-level error, or zero if there was no error. Versions 0-3. */
  errorCode: number = 0;
  /** The principal type of the token owner. Versions 0-3. */
  principalType: string = "";
  /** The name of the token owner. Versions 0-3. */
  principalName: string = "";
  /** The principal type of the requester of the token. Versions 3-3. */
  tokenRequesterPrincipalType: string = "";
  /** The principal type of the requester of the token. Versions 3-3. */
  tokenRequesterPrincipalName: string = "";
  /** When this token was generated. Versions 0-3. */
  issueTimestampMs: bigint = 0n;
  /** When this token expires. Versions 0-3. */
  expiryTimestampMs: bigint = 0n;
  /** The maximum lifetime of this token. Versions 0-3. */
  maxTimestampMs: bigint = 0n;
  /** The token UUID. Versions 0-3. */
  tokenId: string = "";
  /** HMAC of the delegation token. Versions 0-3. */
  hmac: Buffer = EMPTY_BYTES;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreateDelegationTokenResponse {
    const o = new CreateDelegationTokenResponse();
    const flexible = v >= 2;
    o.errorCode = r.int16();
    o.principalType = (v >= 2 ? r.compactString() : r.string());
    o.principalName = (v >= 2 ? r.compactString() : r.string());
    if (v >= 3) {
      o.tokenRequesterPrincipalType = r.compactString();
    }
    if (v >= 3) {
      o.tokenRequesterPrincipalName = r.compactString();
    }
    o.issueTimestampMs = r.int64();
    o.expiryTimestampMs = r.int64();
    o.maxTimestampMs = r.int64();
    o.tokenId = (v >= 2 ? r.compactString() : r.string());
    o.hmac = (v >= 2 ? r.compactBytes() : r.bytes());
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

  static write(w: Writer, v: number, o: CreateDelegationTokenResponse): void {
    const flexible = v >= 2;
    w.int16(o.errorCode);
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
    w.int64(o.issueTimestampMs);
    w.int64(o.expiryTimestampMs);
    w.int64(o.maxTimestampMs);
    if (v >= 2) w.compactString(o.tokenId);
    else w.string(o.tokenId);
    if (v >= 2) w.compactBytes(o.hmac);
    else w.bytes(o.hmac);
    w.int32(o.throttleTimeMs);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreateDelegationTokenResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 2;
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
  static isDefault(o: CreateDelegationTokenResponse): boolean {
    return (o.errorCode === 0) &&
      (o.principalType === "") &&
      (o.principalName === "") &&
      (o.tokenRequesterPrincipalType === "") &&
      (o.tokenRequesterPrincipalName === "") &&
      (o.issueTimestampMs === 0n) &&
      (o.expiryTimestampMs === 0n) &&
      (o.maxTimestampMs === 0n) &&
      (o.tokenId === "") &&
      (o.hmac.length === 0) &&
      (o.throttleTimeMs === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
