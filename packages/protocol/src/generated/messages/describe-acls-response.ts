// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeAclsResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class AclDescription {
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

  static read(r: Reader, v: number): AclDescription {
    const o = new AclDescription();
    const flexible = v >= 2;
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

  static write(w: Writer, v: number, o: AclDescription): void {
    const flexible = v >= 2;
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

  static size(v: number, o: AclDescription): number {
    let s = 0;
    const flexible = v >= 2;
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
  static isDefault(o: AclDescription): boolean {
    return (o.principal === "") &&
      (o.host === "") &&
      (o.operation === 0) &&
      (o.permissionType === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DescribeAclsResource {
  /** The resource type. Versions 0-3. */
  resourceType: number = 0;
  /** The resource name. Versions 0-3. */
  resourceName: string = "";
  /** The resource pattern type. Versions 1-3. */
  patternType: number = 3;
  /** The ACLs. Versions 0-3. */
  acls: AclDescription[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeAclsResource {
    const o = new DescribeAclsResource();
    const flexible = v >= 2;
    o.resourceType = r.int8();
    o.resourceName = (v >= 2 ? r.compactString() : r.string());
    if (v >= 1) {
      o.patternType = r.int8();
    }
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Acls was null');
    } else {
      const a2: AclDescription[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AclDescription.read(r, v));
      o.acls = a2;
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

  static write(w: Writer, v: number, o: DescribeAclsResource): void {
    const flexible = v >= 2;
    w.int8(o.resourceType);
    if (v >= 2) w.compactString(o.resourceName);
    else w.string(o.resourceName);
    if (v >= 1) {
      w.int8(o.patternType);
    }
    if (!(v >= 1)) {
      if (!(o.patternType === 3)) throw fieldNotSupported('PatternType', v);
    }
    if (v >= 2) w.compactArrayLength(o.acls.length);
    else w.arrayLength(o.acls.length);
    for (let i4 = 0; i4 < o.acls.length; i4++) AclDescription.write(w, v, o.acls[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeAclsResource): number {
    let s = 0;
    const flexible = v >= 2;
    s += 1;
    s += (v >= 2 ? sizeOfCompactString(o.resourceName) : sizeOfString(o.resourceName));
    if (v >= 1) {
      s += 1;
    }
    s += (v >= 2 ? sizeOfCompactLength(o.acls.length) : 4);
    for (let i5 = 0; i5 < o.acls.length; i5++) s += AclDescription.size(v, o.acls[i5]!);
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
  static isDefault(o: DescribeAclsResource): boolean {
    return (o.resourceType === 0) &&
      (o.resourceName === "") &&
      (o.patternType === 3) &&
      (o.acls.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeAclsResponse: versions 0-3, flexible 2+. */
export class DescribeAclsResponse {
  static readonly messageName = 'DescribeAclsResponse';
  static readonly apiKey = 29;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-3. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-3. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 0-3. */
  errorMessage: string | null = "";
  /** Each Resource that is referenced in an ACL. Versions 0-3. */
  resources: DescribeAclsResource[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeAclsResponse {
    const o = new DescribeAclsResponse();
    const flexible = v >= 2;
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = (v >= 2 ? r.compactNullableString() : r.nullableString());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Resources was null');
    } else {
      const a2: DescribeAclsResource[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeAclsResource.read(r, v));
      o.resources = a2;
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

  static write(w: Writer, v: number, o: DescribeAclsResponse): void {
    const flexible = v >= 2;
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    if (v >= 2) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
    if (v >= 2) w.compactArrayLength(o.resources.length);
    else w.arrayLength(o.resources.length);
    for (let i4 = 0; i4 < o.resources.length; i4++) DescribeAclsResource.write(w, v, o.resources[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeAclsResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? (v >= 2 ? 1 : 2) : (v >= 2 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
    s += (v >= 2 ? sizeOfCompactLength(o.resources.length) : 4);
    for (let i5 = 0; i5 < o.resources.length; i5++) s += DescribeAclsResource.size(v, o.resources[i5]!);
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
  static isDefault(o: DescribeAclsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.resources.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
