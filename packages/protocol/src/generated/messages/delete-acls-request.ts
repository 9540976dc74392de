// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DeleteAclsRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DeleteAclsFilter {
  /** The resource type. Versions 0-3. */
  resourceTypeFilter: number = 0;
  /** The resource name. Versions 0-3. */
  resourceNameFilter: string | null = "";
  /** The pattern type. Versions 1-3. */
  patternTypeFilter: number = 3;
  /** The principal filter, or null to accept all principals. Versions 0-3. */
  principalFilter: string | null = "";
  /** The host filter, or null to accept all hosts. Versions 0-3. */
  hostFilter: string | null = "";
  /** The ACL operation. Versions 0-3. */
  operation: number = 0;
  /** The permission type. Versions 0-3. */
  permissionType: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteAclsFilter {
    const o = new DeleteAclsFilter();
    const flexible = v >= 2;
    o.resourceTypeFilter = r.int8();
    o.resourceNameFilter = (v >= 2 ? r.compactNullableString() : r.nullableString());
    if (v >= 1) {
      o.patternTypeFilter = r.int8();
    }
    o.principalFilter = (v >= 2 ? r.compactNullableString() : r.nullableString());
    o.hostFilter = (v >= 2 ? r.compactNullableString() : r.nullableString());
    o.operation = r.int8();
    o.permissionType = r.int8();
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

  static write(w: Writer, v: number, o: DeleteAclsFilter): void {
    const flexible = v >= 2;
    w.int8(o.resourceTypeFilter);
    if (v >= 2) w.compactNullableString(o.resourceNameFilter);
    else w.nullableString(o.resourceNameFilter);
    if (v >= 1) {
      w.int8(o.patternTypeFilter);
    }
    if (!(v >= 1)) {
      if (!(o.patternTypeFilter === 3)) throw fieldNotSupported('PatternTypeFilter', v);
    }
    if (v >= 2) w.compactNullableString(o.principalFilter);
    else w.nullableString(o.principalFilter);
    if (v >= 2) w.compactNullableString(o.hostFilter);
    else w.nullableString(o.hostFilter);
    w.int8(o.operation);
    w.int8(o.permissionType);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DeleteAclsFilter): number {
    let s = 0;
    const flexible = v >= 2;
    s += 1;
    s += (o.resourceNameFilter === null ? (v >= 2 ? 1 : 2) : (v >= 2 ? sizeOfCompactString(o.resourceNameFilter) : sizeOfString(o.resourceNameFilter)));
    if (v >= 1) {
      s += 1;
    }
    s += (o.principalFilter === null ? (v >= 2 ? 1 : 2) : (v >= 2 ? sizeOfCompactString(o.principalFilter) : sizeOfString(o.principalFilter)));
    s += (o.hostFilter === null ? (v >= 2 ? 1 : 2) : (v >= 2 ? sizeOfCompactString(o.hostFilter) : sizeOfString(o.hostFilter)));
    s += 1;
    s += 1;
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
  static isDefault(o: DeleteAclsFilter): boolean {
    return (o.resourceTypeFilter === 0) &&
      (o.resourceNameFilter === "") &&
      (o.patternTypeFilter === 3) &&
      (o.principalFilter === "") &&
      (o.hostFilter === "") &&
      (o.operation === 0) &&
      (o.permissionType === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DeleteAclsRequest: versions 0-3, flexible 2+. */
export class DeleteAclsRequest {
  static readonly messageName = 'DeleteAclsRequest';
  static readonly apiKey = 31;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The filters to use when deleting ACLs. Versions 0-3. */
  filters: DeleteAclsFilter[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteAclsRequest {
    const o = new DeleteAclsRequest();
    const flexible = v >= 2;
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Filters was null');
    } else {
      const a2: DeleteAclsFilter[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DeleteAclsFilter.read(r, v));
      o.filters = a2;
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

  static write(w: Writer, v: number, o: DeleteAclsRequest): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactArrayLength(o.filters.length);
    else w.arrayLength(o.filters.length);
    for (let i4 = 0; i4 < o.filters.length; i4++) DeleteAclsFilter.write(w, v, o.filters[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DeleteAclsRequest): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactLength(o.filters.length) : 4);
    for (let i5 = 0; i5 < o.filters.length; i5++) s += DeleteAclsFilter.size(v, o.filters[i5]!);
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
  static isDefault(o: DeleteAclsRequest): boolean {
    return (o.filters.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
