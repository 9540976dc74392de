// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeGroupsRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** DescribeGroupsRequest: versions 0-5, flexible 5+. */
export class DescribeGroupsRequest {
  static readonly messageName = 'DescribeGroupsRequest';
  static readonly apiKey = 15;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 5;

  /** The names of the groups to describe Versions 0-5. */
  groups: string[] = [];
  /** Whether to include authorized operations. Versions 3-5. */
  includeAuthorizedOperations: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeGroupsRequest {
    const o = new DescribeGroupsRequest();
    const flexible = v >= 5;
    const n1 = (v >= 5 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Groups was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push((v >= 5 ? r.compactString() : r.string()));
      o.groups = a2;
    }
    if (v >= 3) {
      o.includeAuthorizedOperations = r.bool();
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

  static write(w: Writer, v: number, o: DescribeGroupsRequest): void {
    const flexible = v >= 5;
    if (v >= 5) w.compactArrayLength(o.groups.length);
    else w.arrayLength(o.groups.length);
    for (let i4 = 0; i4 < o.groups.length; i4++) if (v >= 5) w.compactString(o.groups[i4]!);
    else w.string(o.groups[i4]!);
    if (v >= 3) {
      w.bool(o.includeAuthorizedOperations);
    }
    if (!(v >= 3)) {
      if (!(o.includeAuthorizedOperations === false)) throw fieldNotSupported('IncludeAuthorizedOperations', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeGroupsRequest): number {
    let s = 0;
    const flexible = v >= 5;
    s += (v >= 5 ? sizeOfCompactLength(o.groups.length) : 4);
    for (let i5 = 0; i5 < o.groups.length; i5++) s += (v >= 5 ? sizeOfCompactString(o.groups[i5]!) : sizeOfString(o.groups[i5]!));
    if (v >= 3) {
      s += 1;
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
  static isDefault(o: DescribeGroupsRequest): boolean {
    return (o.groups.length === 0) &&
      (o.includeAuthorizedOperations === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
