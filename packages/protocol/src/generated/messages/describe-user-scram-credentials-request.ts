// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeUserScramCredentialsRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class UserName {
  /** The user name. Versions 0-0. */
  name: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): UserName {
    const o = new UserName();
    o.name = r.compactString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: UserName): void {
    w.compactString(o.name);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: UserName): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
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
  static isDefault(o: UserName): boolean {
    return (o.name === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeUserScramCredentialsRequest: versions 0, flexible 0+. */
export class DescribeUserScramCredentialsRequest {
  static readonly messageName = 'DescribeUserScramCredentialsRequest';
  static readonly apiKey = 50;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The users to describe, or null/empty to describe all users. Versions 0-0. */
  users: UserName[] | null = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeUserScramCredentialsRequest {
    const o = new DescribeUserScramCredentialsRequest();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      o.users = null;
    } else {
      const a2: UserName[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(UserName.read(r, v));
      o.users = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeUserScramCredentialsRequest): void {
    if (o.users === null) w.unsignedVarint(0);
    else {
      w.compactArrayLength(o.users.length);
      for (let i4 = 0; i4 < o.users.length; i4++) UserName.write(w, v, o.users[i4]!);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeUserScramCredentialsRequest): number {
    let s = 0;
    if (o.users === null) s += 1;
    else {
      s += sizeOfCompactLength(o.users.length);
      for (let i5 = 0; i5 < o.users.length; i5++) s += UserName.size(v, o.users[i5]!);
    }
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
  static isDefault(o: DescribeUserScramCredentialsRequest): boolean {
    return (o.users !== null && o.users.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
