// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DeleteAclsResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DeleteAclsMatchingAcl {
  /** The deletion error code, or 0 if the deletion succeeded. Versions 0-3. */
  errorCode: number = 0;
  /** The deletion error message, or null if the deletion succeeded. Versions 0-3. */
  errorMessage: string | null = "";
  /** The ACL resource type. Versions 0-3. */
  resourceType: number = 0;
  /** The ACL resource name. Versions 0-3. */
  resourceName: string = "";
  /** The ACL resource pattern type. Versions 1-3. */
  patternType: number = 3;
  /** The ACL principal. Versions 0-3. */
  principal: string = "";
  /** The ACL host. Versions 0-3. */
  host: string = "";
  /** The ACL operation. Versions 0-3. */
  operation: number = 0;
  /** The ACL permission type. Versions 0-3. */
  permissionType: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteAclsMatchingAcl {
    const o = new DeleteAclsMatchingAcl();
    const flexible = v >= 2;
    o.errorCode = r.int16();
    o.errorMessage = (v >= 2 ? r.compactNullableString() : r.nullableString());
    o.resourceType = r.int8();
    o.resourceName = (v >= 2 ? r.compactString() : r.string());
    if (v >= 1) {
      o.patternType = r.int8();
    }
    o.principal = (v >= 2 ? r.compactString() : r.string());
    o.host = (v >= 2 ? r.compactString() : r.string());
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

  static write(w: Writer, v: number, o: DeleteAclsMatchingAcl): void {
    const flexible = v >= 2;
    w.int16(o.errorCode);
    if (v >= 2) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
    w.int8(o.resourceType);
    if (v >= 2) w.compactString(o.resourceName);
    else w.string(o.resourceName);
    if (v >= 1) {
      w.int8(o.patternType);
    }
    if (!(v >= 1)) {
      if (!(o.patternType === 3)) throw fieldNotSupported('PatternType', v);
    }
    if (v >= 2) w.compactString(o.principal);
    else w.string(o.principal);
    if (v >= 2) w.compactString(o.host);
    else w.string(o.host);
    w.int8(o.operation);
    w.int8(o.permissionType);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DeleteAclsMatchingAcl): number {
    let s = 0;
    const flexible = v >= 2;
    s += 2;
    s += (o.errorMessage === null ? (v >= 2 ? 1 : 2) : (v >= 2 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
    s += 1;
    s += (v >= 2 ? sizeOfCompactString(o.resourceName) : sizeOfString(o.resourceName));
    if (v >= 1) {
      s += 1;
    }
    s += (v >= 2 ? sizeOfCompactString(o.principal) : sizeOfString(o.principal));
    s += (v >= 2 ? sizeOfCompactString(o.host) : sizeOfString(o.host));
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
  static isDefault(o: DeleteAclsMatchingAcl): boolean {
    return (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.resourceType === 0) &&
      (o.resourceName === "") &&
      (o.patternType === 3) &&
      (o.principal === "") &&
      (o.host === "") &&
      (o.operation === 0) &&
      (o.permissionType === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DeleteAclsFilterResult {
  /** The error code, or 0 if the filter succeeded. Versions 0-3. */
  errorCode: number = 0;
  /** The error message, or null if the filter succeeded. Versions 0-3. */
  errorMessage: string | null = "";
  /** The ACLs which matched this filter. Versions 0-3. */
  matchingAcls: DeleteAclsMatchingAcl[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteAclsFilterResult {
    const o = new DeleteAclsFilterResult();
    const flexible = v >= 2;
    o.errorCode = r.int16();
    o.errorMessage = (v >= 2 ? r.compactNullableString() : r.nullableString());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field MatchingAcls was null');
    } else {
      const a2: DeleteAclsMatchingAcl[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DeleteAclsMatchingAcl.read(r, v));
      o.matchingAcls = a2;
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

  static write(w: Writer, v: number, o: DeleteAclsFilterResult): void {
    const flexible = v >= 2;
    w.int16(o.errorCode);
    if (v >= 2) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
    if (v >= 2) w.compactArrayLength(o.matchingAcls.length);
    else w.arrayLength(o.matchingAcls.length);
    for (let i4 = 0; i4 < o.matchingAcls.length; i4++) DeleteAclsMatchingAcl.write(w, v, o.matchingAcls[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DeleteAclsFilterResult): number {
    let s = 0;
    const flexible = v >= 2;
    s += 2;
    s += (o.errorMessage === null ? (v >= 2 ? 1 : 2) : (v >= 2 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
    s += (v >= 2 ? sizeOfCompactLength(o.matchingAcls.length) : 4);
    for (let i5 = 0; i5 < o.matchingAcls.length; i5++) s += DeleteAclsMatchingAcl.size(v, o.matchingAcls[i5]!);
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
  static isDefault(o: DeleteAclsFilterResult): boolean {
    return (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.matchingAcls.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DeleteAclsResponse: versions 0-3, flexible 2+. */
export class DeleteAclsResponse {
  static readonly messageName = 'DeleteAclsResponse';
  static readonly apiKey = 31;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number = 0;
  /** The results for each filter. Versions 0-3. */
  filterResults: DeleteAclsFilterResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteAclsResponse {
    const o = new DeleteAclsResponse();
    const flexible = v >= 2;
    o.throttleTimeMs = r.int32();
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field FilterResults was null');
    } else {
      const a2: DeleteAclsFilterResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DeleteAclsFilterResult.read(r, v));
      o.filterResults = a2;
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

  static write(w: Writer, v: number, o: DeleteAclsResponse): void {
    const flexible = v >= 2;
    w.int32(o.throttleTimeMs);
    if (v >= 2) w.compactArrayLength(o.filterResults.length);
    else w.arrayLength(o.filterResults.length);
    for (let i4 = 0; i4 < o.filterResults.length; i4++) DeleteAclsFilterResult.write(w, v, o.filterResults[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DeleteAclsResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 4;
    s += (v >= 2 ? sizeOfCompactLength(o.filterResults.length) : 4);
    for (let i5 = 0; i5 < o.filterResults.length; i5++) s += DeleteAclsFilterResult.size(v, o.filterResults[i5]!);
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
  static isDefault(o: DeleteAclsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.filterResults.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
