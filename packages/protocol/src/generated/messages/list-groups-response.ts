// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ListGroupsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ListedGroup {
  /** The group ID. Versions 0-5. */
  groupId: string = "";
  /** The group protocol type. Versions 0-5. */
  protocolType: string = "";
  /** The group state name. Versions 4-5. */
  groupState: string = "";
  /** The group type name. Versions 5-5. */
  groupType: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListedGroup {
    const o = new ListedGroup();
    const flexible = v >= 3;
    o.groupId = (v >= 3 ? r.compactString() : r.string());
    o.protocolType = (v >= 3 ? r.compactString() : r.string());
    if (v >= 4) {
      o.groupState = r.compactString();
    }
    if (v >= 5) {
      o.groupType = r.compactString();
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

  static write(w: Writer, v: number, o: ListedGroup): void {
    const flexible = v >= 3;
    if (v >= 3) w.compactString(o.groupId);
    else w.string(o.groupId);
    if (v >= 3) w.compactString(o.protocolType);
    else w.string(o.protocolType);
    if (v >= 4) {
      w.compactString(o.groupState);
    }
    if (v >= 5) {
      w.compactString(o.groupType);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ListedGroup): number {
    let s = 0;
    const flexible = v >= 3;
    s += (v >= 3 ? sizeOfCompactString(o.groupId) : sizeOfString(o.groupId));
    s += (v >= 3 ? sizeOfCompactString(o.protocolType) : sizeOfString(o.protocolType));
    if (v >= 4) {
      s += sizeOfCompactString(o.groupState);
    }
    if (v >= 5) {
      s += sizeOfCompactString(o.groupType);
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
  static isDefault(o: ListedGroup): boolean {
    return (o.groupId === "") &&
      (o.protocolType === "") &&
      (o.groupState === "") &&
      (o.groupType === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ListGroupsResponse: versions 0-5, flexible 3+. */
export class ListGroupsResponse {
  static readonly messageName = 'ListGroupsResponse';
  static readonly apiKey = 16;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-5. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-5. */
  errorCode: number = 0;
  /** Each group in the response. Versions 0-5. */
  groups: ListedGroup[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListGroupsResponse {
    const o = new ListGroupsResponse();
    const flexible = v >= 3;
    if (v >= 1) {
      o.throttleTimeMs = r.int32();
    }
    o.errorCode = r.int16();
    const n1 = (v >= 3 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Groups was null');
    } else {
      const a2: ListedGroup[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ListedGroup.read(r, v));
      o.groups = a2;
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

  static write(w: Writer, v: number, o: ListGroupsResponse): void {
    const flexible = v >= 3;
    if (v >= 1) {
      w.int32(o.throttleTimeMs);
    }
    w.int16(o.errorCode);
    if (v >= 3) w.compactArrayLength(o.groups.length);
    else w.arrayLength(o.groups.length);
    for (let i4 = 0; i4 < o.groups.length; i4++) ListedGroup.write(w, v, o.groups[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ListGroupsResponse): number {
    let s = 0;
    const flexible = v >= 3;
    if (v >= 1) {
      s += 4;
    }
    s += 2;
    s += (v >= 3 ? sizeOfCompactLength(o.groups.length) : 4);
    for (let i5 = 0; i5 < o.groups.length; i5++) s += ListedGroup.size(v, o.groups[i5]!);
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
  static isDefault(o: ListGroupsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.groups.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
