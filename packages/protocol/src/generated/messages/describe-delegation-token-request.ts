// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeDelegationTokenRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DescribeDelegationTokenOwner {
  /** The owner principal type. Versions 0-3. */
  principalType: string = "";
  /** The owner principal name. Versions 0-3. */
  principalName: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeDelegationTokenOwner {
    const o = new DescribeDelegationTokenOwner();
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

  static write(w: Writer, v: number, o: DescribeDelegationTokenOwner): void {
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

  static size(v: number, o: DescribeDelegationTokenOwner): number {
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
  static isDefault(o: DescribeDelegationTokenOwner): boolean {
    return (o.principalType === "") &&
      (o.principalName === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeDelegationTokenRequest: versions 0-3, flexible 2+. */
export class DescribeDelegationTokenRequest {
  static readonly messageName = 'DescribeDelegationTokenRequest';
  static readonly apiKey = 41;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** Each owner that we want to describe delegation tokens for, or null to describe all tokens. Versions 0-3. */
  owners: DescribeDelegationTokenOwner[] | null = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeDelegationTokenRequest {
    const o = new DescribeDelegationTokenRequest();
    const flexible = v >= 2;
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      o.owners = null;
    } else {
      const a2: DescribeDelegationTokenOwner[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeDelegationTokenOwner.read(r, v));
      o.owners = a2;
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

  static write(w: Writer, v: number, o: DescribeDelegationTokenRequest): void {
    const flexible = v >= 2;
    if (o.owners === null) (v >= 2 ? w.unsignedVarint(0) : w.int32(-1));
    else {
      if (v >= 2) w.compactArrayLength(o.owners.length);
      else w.arrayLength(o.owners.length);
      for (let i4 = 0; i4 < o.owners.length; i4++) DescribeDelegationTokenOwner.write(w, v, o.owners[i4]!);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeDelegationTokenRequest): number {
    let s = 0;
    const flexible = v >= 2;
    if (o.owners === null) s += (v >= 2 ? 1 : 4);
    else {
      s += (v >= 2 ? sizeOfCompactLength(o.owners.length) : 4);
      for (let i5 = 0; i5 < o.owners.length; i5++) s += DescribeDelegationTokenOwner.size(v, o.owners[i5]!);
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
  static isDefault(o: DescribeDelegationTokenRequest): boolean {
    return (o.owners !== null && o.owners.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
