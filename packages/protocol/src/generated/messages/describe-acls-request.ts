// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeAclsRequest.json

import { fieldNotSupported, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** DescribeAclsRequest: versions 0-3, flexible 2+. */
export class DescribeAclsRequest {
  static readonly messageName = 'DescribeAclsRequest';
  static readonly apiKey = 29;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The resource type. Versions 0-3. */
  resourceTypeFilter: number = 0;
  /** The resource name, or null to match any resource name. Versions 0-3. */
  resourceNameFilter: string | null = "";
  /** The resource pattern to match. Versions 1-3. */
  patternTypeFilter: number = 3;
  /** The principal to match, or null to match any principal. Versions 0-3. */
  principalFilter: string | null = "";
  /** The host to match, or null to match any host. Versions 0-3. */
  hostFilter: string | null = "";
  /** The operation to match. Versions 0-3. */
  operation: number = 0;
  /** The permission type to match. Versions 0-3. */
  permissionType: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeAclsRequest {
    const o = new DescribeAclsRequest();
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

  static write(w: Writer, v: number, o: DescribeAclsRequest): void {
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

  static size(v: number, o: DescribeAclsRequest): number {
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
  static isDefault(o: DescribeAclsRequest): boolean {
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
