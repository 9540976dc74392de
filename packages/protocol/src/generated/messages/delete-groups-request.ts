// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DeleteGroupsRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** DeleteGroupsRequest: versions 0-2, flexible 2+. */
export class DeleteGroupsRequest {
  static readonly messageName = 'DeleteGroupsRequest';
  static readonly apiKey = 42;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The group names to delete. Versions 0-2. */
  groupsNames: string[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteGroupsRequest {
    const o = new DeleteGroupsRequest();
    const flexible = v >= 2;
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field GroupsNames was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push((v >= 2 ? r.compactString() : r.string()));
      o.groupsNames = a2;
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

  static write(w: Writer, v: number, o: DeleteGroupsRequest): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactArrayLength(o.groupsNames.length);
    else w.arrayLength(o.groupsNames.length);
    for (let i4 = 0; i4 < o.groupsNames.length; i4++) if (v >= 2) w.compactString(o.groupsNames[i4]!);
    else w.string(o.groupsNames[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DeleteGroupsRequest): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactLength(o.groupsNames.length) : 4);
    for (let i5 = 0; i5 < o.groupsNames.length; i5++) s += (v >= 2 ? sizeOfCompactString(o.groupsNames[i5]!) : sizeOfString(o.groupsNames[i5]!));
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
  static isDefault(o: DeleteGroupsRequest): boolean {
    return (o.groupsNames.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
