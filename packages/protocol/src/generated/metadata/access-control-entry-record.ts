// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/AccessControlEntryRecord.json

import { ZERO_UUID, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** AccessControlEntryRecord: versions 0, flexible 0+. */
export class AccessControlEntryRecord {
  static readonly messageName = 'AccessControlEntryRecord';
  static readonly apiKey = 18;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The unique ID of this ACL. Versions 0-0. */
  id: Uuid = ZERO_UUID;
  /** The resource type. Versions 0-0. */
  resourceType: number = 0;
  /** The resource name. Versions 0-0. */
  resourceName: string = "";
  /** The resource name pattern type. Versions 0-0. */
  patternType: number = 0;
  /** The principal name. Versions 0-0. */
  principal: string = "";
  /** The host name. Versions 0-0. */
  host: string = "";
  /** The AclOperation. Versions 0-0. */
  operation: number = 0;
  /** The AclPermissionType. Versions 0-0. */
  permissionType: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AccessControlEntryRecord {
    const o = new AccessControlEntryRecord();
    o.id = r.uuid();
    o.resourceType = r.int8();
    o.resourceName = r.compactString();
    o.patternType = r.int8();
    o.principal = r.compactString();
    o.host = r.compactString();
    o.operation = r.int8();
    o.permissionType = r.int8();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: AccessControlEntryRecord): void {
    w.uuid(o.id);
    w.int8(o.resourceType);
    w.compactString(o.resourceName);
    w.int8(o.patternType);
    w.compactString(o.principal);
    w.compactString(o.host);
    w.int8(o.operation);
    w.int8(o.permissionType);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AccessControlEntryRecord): number {
    let s = 0;
    s += 16;
    s += 1;
    s += sizeOfCompactString(o.resourceName);
    s += 1;
    s += sizeOfCompactString(o.principal);
    s += sizeOfCompactString(o.host);
    s += 1;
    s += 1;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: AccessControlEntryRecord): boolean {
    return (o.id === ZERO_UUID) &&
      (o.resourceType === 0) &&
      (o.resourceName === "") &&
      (o.patternType === 0) &&
      (o.principal === "") &&
      (o.host === "") &&
      (o.operation === 0) &&
      (o.permissionType === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
