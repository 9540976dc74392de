// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeClientQuotasResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ValueData {
  /** The quota configuration key. Versions 0-1. */
  key: string = "";
  /** The quota configuration value. Versions 0-1. */
  value: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ValueData {
    const o = new ValueData();
    const flexible = v >= 1;
    o.key = (v >= 1 ? r.compactString() : r.string());
    o.value = r.float64();
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

  static write(w: Writer, v: number, o: ValueData): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactString(o.key);
    else w.string(o.key);
    w.float64(o.value);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ValueData): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactString(o.key) : sizeOfString(o.key));
    s += 8;
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
  static isDefault(o: ValueData): boolean {
    return (o.key === "") &&
      (o.value === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class EntityData {
  /** The entity type. Versions 0-1. */
  entityType: string = "";
  /** The entity name, or null if the default. Versions 0-1. */
  entityName: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): EntityData {
    const o = new EntityData();
    const flexible = v >= 1;
    o.entityType = (v >= 1 ? r.compactString() : r.string());
    o.entityName = (v >= 1 ? r.compactNullableString() : r.nullableString());
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

  static write(w: Writer, v: number, o: EntityData): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactString(o.entityType);
    else w.string(o.entityType);
    if (v >= 1) w.compactNullableString(o.entityName);
    else w.nullableString(o.entityName);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: EntityData): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactString(o.entityType) : sizeOfString(o.entityType));
    s += (o.entityName === null ? (v >= 1 ? 1 : 2) : (v >= 1 ? sizeOfCompactString(o.entityName) : sizeOfString(o.entityName)));
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
  static isDefault(o: EntityData): boolean {
    return (o.entityType === "") &&
      (o.entityName === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class EntryData {
  /** The quota entity description. Versions 0-1. */
  entity: EntityData[] = [];
  /** The quota values for the entity. Versions 0-1. */
  values: ValueData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): EntryData {
    const o = new EntryData();
    const flexible = v >= 1;
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Entity was null');
    } else {
      const a2: EntityData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(EntityData.read(r, v));
      o.entity = a2;
    }
    const n4 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n4 < 0) {
      r.fail('non-nullable field Values was null');
    } else {
      const a5: ValueData[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(ValueData.read(r, v));
      o.values = a5;
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

  static write(w: Writer, v: number, o: EntryData): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactArrayLength(o.entity.length);
    else w.arrayLength(o.entity.length);
    for (let i7 = 0; i7 < o.entity.length; i7++) EntityData.write(w, v, o.entity[i7]!);
    if (v >= 1) w.compactArrayLength(o.values.length);
    else w.arrayLength(o.values.length);
    for (let i8 = 0; i8 < o.values.length; i8++) ValueData.write(w, v, o.values[i8]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: EntryData): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactLength(o.entity.length) : 4);
    for (let i9 = 0; i9 < o.entity.length; i9++) s += EntityData.size(v, o.entity[i9]!);
    s += (v >= 1 ? sizeOfCompactLength(o.values.length) : 4);
    for (let i10 = 0; i10 < o.values.length; i10++) s += ValueData.size(v, o.values[i10]!);
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
  static isDefault(o: EntryData): boolean {
    return (o.entity.length === 0) &&
      (o.values.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeClientQuotasResponse: versions 0-1, flexible 1+. */
export class DescribeClientQuotasResponse {
  static readonly messageName = 'DescribeClientQuotasResponse';
  static readonly apiKey = 48;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 1;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number = 0;
  /** The error code, or `0` if the quota description succeeded. Versions 0-1. */
  errorCode: number = 0;
  /** The error message, or `null` if the quota description succeeded. Versions 0-1. */
  errorMessage: string | null = "";
  /** A result entry. Versions 0-1. */
  entries: EntryData[] | null = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeClientQuotasResponse {
    const o = new DescribeClientQuotasResponse();
    const flexible = v >= 1;
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = (v >= 1 ? r.compactNullableString() : r.nullableString());
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      o.entries = null;
    } else {
      const a2: EntryData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(EntryData.read(r, v));
      o.entries = a2;
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

  static write(w: Writer, v: number, o: DescribeClientQuotasResponse): void {
    const flexible = v >= 1;
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    if (v >= 1) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
    if (o.entries === null) (v >= 1 ? w.unsignedVarint(0) : w.int32(-1));
    else {
      if (v >= 1) w.compactArrayLength(o.entries.length);
      else w.arrayLength(o.entries.length);
      for (let i4 = 0; i4 < o.entries.length; i4++) EntryData.write(w, v, o.entries[i4]!);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeClientQuotasResponse): number {
    let s = 0;
    const flexible = v >= 1;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? (v >= 1 ? 1 : 2) : (v >= 1 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
    if (o.entries === null) s += (v >= 1 ? 1 : 4);
    else {
      s += (v >= 1 ? sizeOfCompactLength(o.entries.length) : 4);
      for (let i5 = 0; i5 < o.entries.length; i5++) s += EntryData.size(v, o.entries[i5]!);
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
  static isDefault(o: DescribeClientQuotasResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.entries !== null && o.entries.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
