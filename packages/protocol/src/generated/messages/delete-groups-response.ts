// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DeleteGroupsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DeletableGroupResult {
  /** The group id Versions 0-2. */
  groupId: string = "";
  /** The deletion error, or 0 if the deletion succeeded. Versions 0-2. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeletableGroupResult {
    const o = new DeletableGroupResult();
    const flexible = v >= 2;
    o.groupId = (v >= 2 ? r.compactString() : r.string());
    o.errorCode = r.int16();
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

  static write(w: Writer, v: number, o: DeletableGroupResult): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.groupId);
    else w.string(o.groupId);
    w.int16(o.errorCode);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DeletableGroupResult): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.groupId) : sizeOfString(o.groupId));
    s += 2;
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
  static isDefault(o: DeletableGroupResult): boolean {
    return (o.groupId === "") &&
      (o.errorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DeleteGroupsResponse: versions 0-2, flexible 2+. */
export class DeleteGroupsResponse {
  static readonly messageName = 'DeleteGroupsResponse';
  static readonly apiKey = 42;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number = 0;
  /** The deletion results Versions 0-2. */
  results: DeletableGroupResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteGroupsResponse {
    const o = new DeleteGroupsResponse();
    const flexible = v >= 2;
    o.throttleTimeMs = r.int32();
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Results was null');
    } else {
      const a2: DeletableGroupResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DeletableGroupResult.read(r, v));
      o.results = a2;
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

  static write(w: Writer, v: number, o: DeleteGroupsResponse): void {
    const flexible = v >= 2;
    w.int32(o.throttleTimeMs);
    if (v >= 2) w.compactArrayLength(o.results.length);
    else w.arrayLength(o.results.length);
    for (let i4 = 0; i4 < o.results.length; i4++) DeletableGroupResult.write(w, v, o.results[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DeleteGroupsResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 4;
    s += (v >= 2 ? sizeOfCompactLength(o.results.length) : 4);
    for (let i5 = 0; i5 < o.results.length; i5++) s += DeletableGroupResult.size(v, o.results[i5]!);
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
  static isDefault(o: DeleteGroupsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.results.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
