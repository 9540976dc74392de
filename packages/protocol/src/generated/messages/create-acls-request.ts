// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/CreateAclsRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class AclCreation {
  /** The type of the resource. Versions 0-3. */
  resourceType: number = 0;
  /** The resource name for the ACL. Versions 0-3. */
  resourceName: string = "";
  /** The pattern type for the ACL. Versions 1-3. */
  resourcePatternType: number = 3;
  /** The principal for the ACL. Versions 0-3. */
  principal: string = "";
  /** The host for the ACL. Versions 0-3. */
  host: string = "";
  /** The operation type for the ACL (read, write, etc.). Versions 0-3. */
  operation: number = 0;
  /** The permission type for the ACL (allow, deny, etc.). Versions 0-3. */
  permissionType: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AclCreation {
    const o = new AclCreation();
    const flexible = v >= 2;
    o.resourceType = r.int8();
    o.resourceName = (v >= 2 ? r.compactString() : r.string());
    if (v >= 1) {
      o.resourcePatternType = r.int8();
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

  static write(w: Writer, v: number, o: AclCreation): void {
    const flexible = v >= 2;
    w.int8(o.resourceType);
    if (v >= 2) w.compactString(o.resourceName);
    else w.string(o.resourceName);
    if (v >= 1) {
      w.int8(o.resourcePatternType);
    }
    if (!(v >= 1)) {
      if (!(o.resourcePatternType === 3)) throw fieldNotSupported('ResourcePatternType', v);
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

  static size(v: number, o: AclCreation): number {
    let s = 0;
    const flexible = v >= 2;
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
  static isDefault(o: AclCreation): boolean {
    return (o.resourceType === 0) &&
      (o.resourceName === "") &&
      (o.resourcePatternType === 3) &&
      (o.principal === "") &&
      (o.host === "") &&
      (o.operation === 0) &&
      (o.permissionType === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** CreateAclsRequest: versions 0-3, flexible 2+. */
export class CreateAclsRequest {
  static readonly messageName = 'CreateAclsRequest';
  static readonly apiKey = 30;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The ACLs that we want to create. Versions 0-3. */
  creations: AclCreation[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreateAclsRequest {
    const o = new CreateAclsRequest();
    const flexible = v >= 2;
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Creations was null');
    } else {
      const a2: AclCreation[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AclCreation.read(r, v));
      o.creations = a2;
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

  static write(w: Writer, v: number, o: CreateAclsRequest): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactArrayLength(o.creations.length);
    else w.arrayLength(o.creations.length);
    for (let i4 = 0; i4 < o.creations.length; i4++) AclCreation.write(w, v, o.creations[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreateAclsRequest): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactLength(o.creations.length) : 4);
    for (let i5 = 0; i5 < o.creations.length; i5++) s += AclCreation.size(v, o.creations[i5]!);
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
  static isDefault(o: CreateAclsRequest): boolean {
    return (o.creations.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
