// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DefaultPrincipalData.json

import { sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** DefaultPrincipalData: versions 0, flexible 0+. */
export class DefaultPrincipalData {
  static readonly messageName = 'DefaultPrincipalData';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The principal type Versions 0-0. */
  type: string = "";
  /** The principal name Versions 0-0. */
  name: string = "";
  /** Whether the principal was authenticated by a delegation token on the forwarding broker. Versions 0-0. */
  tokenAuthenticated: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DefaultPrincipalData {
    const o = new DefaultPrincipalData();
    o.type = r.compactString();
    o.name = r.compactString();
    o.tokenAuthenticated = r.bool();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DefaultPrincipalData): void {
    w.compactString(o.type);
    w.compactString(o.name);
    w.bool(o.tokenAuthenticated);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DefaultPrincipalData): number {
    let s = 0;
    s += sizeOfCompactString(o.type);
    s += sizeOfCompactString(o.name);
    s += 1;
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
  static isDefault(o: DefaultPrincipalData): boolean {
    return (o.type === "") &&
      (o.name === "") &&
      (o.tokenAuthenticated === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
