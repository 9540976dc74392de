// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ListGroupsRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ListGroupsRequest: versions 0-5, flexible 3+. */
export class ListGroupsRequest {
  static readonly messageName = 'ListGroupsRequest';
  static readonly apiKey = 16;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** The states of the groups we want to list. If empty, all groups are returned with their state. Versions 4-5. */
  statesFilter: string[] = [];
  /** The types of the groups we want to list. If empty, all groups are returned with their type. Versions 5-5. */
  typesFilter: string[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListGroupsRequest {
    const o = new ListGroupsRequest();
    const flexible = v >= 3;
    if (v >= 4) {
      const n1 = r.compactArrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field StatesFilter was null');
      } else {
        const a2: string[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.compactString());
        o.statesFilter = a2;
      }
    }
    if (v >= 5) {
      const n4 = r.compactArrayLength();
      if (n4 < 0) {
        r.fail('non-nullable field TypesFilter was null');
      } else {
        const a5: string[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(r.compactString());
        o.typesFilter = a5;
      }
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

  static write(w: Writer, v: number, o: ListGroupsRequest): void {
    const flexible = v >= 3;
    if (v >= 4) {
      w.compactArrayLength(o.statesFilter.length);
      for (let i7 = 0; i7 < o.statesFilter.length; i7++) w.compactString(o.statesFilter[i7]!);
    }
    if (!(v >= 4)) {
      if (!(o.statesFilter.length === 0)) throw fieldNotSupported('StatesFilter', v);
    }
    if (v >= 5) {
      w.compactArrayLength(o.typesFilter.length);
      for (let i8 = 0; i8 < o.typesFilter.length; i8++) w.compactString(o.typesFilter[i8]!);
    }
    if (!(v >= 5)) {
      if (!(o.typesFilter.length === 0)) throw fieldNotSupported('TypesFilter', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ListGroupsRequest): number {
    let s = 0;
    const flexible = v >= 3;
    if (v >= 4) {
      s += sizeOfCompactLength(o.statesFilter.length);
      for (let i9 = 0; i9 < o.statesFilter.length; i9++) s += sizeOfCompactString(o.statesFilter[i9]!);
    }
    if (v >= 5) {
      s += sizeOfCompactLength(o.typesFilter.length);
      for (let i10 = 0; i10 < o.typesFilter.length; i10++) s += sizeOfCompactString(o.typesFilter[i10]!);
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
  static isDefault(o: ListGroupsRequest): boolean {
    return (o.statesFilter.length === 0) &&
      (o.typesFilter.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
