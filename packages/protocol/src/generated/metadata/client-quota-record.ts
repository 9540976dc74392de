// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/ClientQuotaRecord.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class EntityData {
  /** The entity type. Versions 0-0. */
  entityType: string = "";
  /** The name of the entity, or null if the default. Versions 0-0. */
  entityName: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): EntityData {
    const o = new EntityData();
    o.entityType = r.compactString();
    o.entityName = r.compactNullableString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: EntityData): void {
    w.compactString(o.entityType);
    w.compactNullableString(o.entityName);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: EntityData): number {
    let s = 0;
    s += sizeOfCompactString(o.entityType);
    s += (o.entityName === null ? 1 : sizeOfCompactString(o.entityName));
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
  static isDefault(o: EntityData): boolean {
    return (o.entityType === "") &&
      (o.entityName === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ClientQuotaRecord: versions 0, flexible 0+. */
export class ClientQuotaRecord {
  static readonly messageName = 'ClientQuotaRecord';
  static readonly apiKey = 14;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The quota entity to alter. Versions 0-0. */
  entity: EntityData[] = [];
  /** The quota configuration key. Versions 0-0. */
  key: string = "";
  /** The value to set, otherwise ignored if the value is to be removed. Versions 0-0. */
  value: number = 0;
  /** Whether the quota configuration value should be removed, otherwise set. Versions 0-0. */
  remove: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ClientQuotaRecord {
    const o = new ClientQuotaRecord();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Entity was null');
    } else {
      const a2: EntityData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(EntityData.read(r, v));
      o.entity = a2;
    }
    o.key = r.compactString();
    o.value = r.float64();
    o.remove = r.bool();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ClientQuotaRecord): void {
    w.compactArrayLength(o.entity.length);
    for (let i4 = 0; i4 < o.entity.length; i4++) EntityData.write(w, v, o.entity[i4]!);
    w.compactString(o.key);
    w.float64(o.value);
    w.bool(o.remove);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ClientQuotaRecord): number {
    let s = 0;
    s += sizeOfCompactLength(o.entity.length);
    for (let i5 = 0; i5 < o.entity.length; i5++) s += EntityData.size(v, o.entity[i5]!);
    s += sizeOfCompactString(o.key);
    s += 8;
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
  static isDefault(o: ClientQuotaRecord): boolean {
    return (o.entity.length === 0) &&
      (o.key === "") &&
      (o.value === 0) &&
      (o.remove === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
