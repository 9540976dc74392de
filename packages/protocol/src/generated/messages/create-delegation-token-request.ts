// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/CreateDelegationTokenRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class CreatableRenewers {
  /** The type of the Kafka principal. Versions 0-3. */
  principalType: string = "";
  /** The name of the Kafka principal. Versions 0-3. */
  principalName: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreatableRenewers {
    const o = new CreatableRenewers();
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

  static write(w: Writer, v: number, o: CreatableRenewers): void {
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

  static size(v: number, o: CreatableRenewers): number {
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
  static isDefault(o: CreatableRenewers): boolean {
    return (o.principalType === "") &&
      (o.principalName === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** CreateDelegationTokenRequest: versions 0-3, flexible 2+. */
export class CreateDelegationTokenRequest {
  static readonly messageName = 'CreateDelegationTokenRequest';
  static readonly apiKey = 38;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The principal type of the owner of the token. If it's null it defaults to the token request principal. Versions 3-3. */
  ownerPrincipalType: string | null = "";
  /** The principal name of the owner of the token. If it's null it defaults to the token request principal. Versions 3-3. */
  ownerPrincipalName: string | null = "";
  /** A list of those who are allowed to renew this token before it expires. Versions 0-3. */
  renewers: CreatableRenewers[] = [];
  /** The maximum lifetime of the token in milliseconds, or -1 to use the server side default. Versions 0-3. */
  maxLifetimeMs: bigint = 0n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreateDelegationTokenRequest {
    const o = new CreateDelegationTokenRequest();
    const flexible = v >= 2;
    if (v >= 3) {
      o.ownerPrincipalType = r.compactNullableString();
    }
    if (v >= 3) {
      o.ownerPrincipalName = r.compactNullableString();
    }
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Renewers was null');
    } else {
      const a2: CreatableRenewers[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(CreatableRenewers.read(r, v));
      o.renewers = a2;
    }
    o.maxLifetimeMs = r.int64();
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

  static write(w: Writer, v: number, o: CreateDelegationTokenRequest): void {
    const flexible = v >= 2;
    if (v >= 3) {
      w.compactNullableString(o.ownerPrincipalType);
    }
    if (!(v >= 3)) {
      if (!(o.ownerPrincipalType === "")) throw fieldNotSupported('OwnerPrincipalType', v);
    }
    if (v >= 3) {
      w.compactNullableString(o.ownerPrincipalName);
    }
    if (!(v >= 3)) {
      if (!(o.ownerPrincipalName === "")) throw fieldNotSupported('OwnerPrincipalName', v);
    }
    if (v >= 2) w.compactArrayLength(o.renewers.length);
    else w.arrayLength(o.renewers.length);
    for (let i4 = 0; i4 < o.renewers.length; i4++) CreatableRenewers.write(w, v, o.renewers[i4]!);
    w.int64(o.maxLifetimeMs);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreateDelegationTokenRequest): number {
    let s = 0;
    const flexible = v >= 2;
    if (v >= 3) {
      s += (o.ownerPrincipalType === null ? 1 : sizeOfCompactString(o.ownerPrincipalType));
    }
    if (v >= 3) {
      s += (o.ownerPrincipalName === null ? 1 : sizeOfCompactString(o.ownerPrincipalName));
    }
    s += (v >= 2 ? sizeOfCompactLength(o.renewers.length) : 4);
    for (let i5 = 0; i5 < o.renewers.length; i5++) s += CreatableRenewers.size(v, o.renewers[i5]!);
    s += 8;
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
  static isDefault(o: CreateDelegationTokenRequest): boolean {
    return (o.ownerPrincipalType === "") &&
      (o.ownerPrincipalName === "") &&
      (o.renewers.length === 0) &&
      (o.maxLifetimeMs === 0n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
