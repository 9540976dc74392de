// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeClientQuotasRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ComponentData {
  /** The entity type that the filter component applies to. Versions 0-1. */
  entityType: string = "";
  /** How to match the entity {0 = exact name, 1 = default name, 2 = any specified name}. Versions 0-1. */
  matchType: number = 0;
  /** The string to match against, or null if unused for the match type. Versions 0-1. */
  match: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ComponentData {
    const o = new ComponentData();
    const flexible = v >= 1;
    o.entityType = (v >= 1 ? r.compactString() : r.string());
    o.matchType = r.int8();
    o.match = (v >= 1 ? r.compactNullableString() : r.nullableString());
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

  static write(w: Writer, v: number, o: ComponentData): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactString(o.entityType);
    else w.string(o.entityType);
    w.int8(o.matchType);
    if (v >= 1) w.compactNullableString(o.match);
    else w.nullableString(o.match);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ComponentData): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactString(o.entityType) : sizeOfString(o.entityType));
    s += 1;
    s += (o.match === null ? (v >= 1 ? 1 : 2) : (v >= 1 ? sizeOfCompactString(o.match) : sizeOfString(o.match)));
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
  static isDefault(o: ComponentData): boolean {
    return (o.entityType === "") &&
      (o.matchType === 0) &&
      (o.match === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeClientQuotasRequest: versions 0-1, flexible 1+. */
export class DescribeClientQuotasRequest {
  static readonly messageName = 'DescribeClientQuotasRequest';
  static readonly apiKey = 48;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 1;

  /** Filter components to apply to quota entities. Versions 0-1. */
  components: ComponentData[] = [];
  /** Whether the match is strict, i.e. should exclude entities with unspecified entity types. Versions 0-1. */
  strict: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeClientQuotasRequest {
    const o = new DescribeClientQuotasRequest();
    const flexible = v >= 1;
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Components was null');
    } else {
      const a2: ComponentData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ComponentData.read(r, v));
      o.components = a2;
    }
    o.strict = r.bool();
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

  static write(w: Writer, v: number, o: DescribeClientQuotasRequest): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactArrayLength(o.components.length);
    else w.arrayLength(o.components.length);
    for (let i4 = 0; i4 < o.components.length; i4++) ComponentData.write(w, v, o.components[i4]!);
    w.bool(o.strict);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeClientQuotasRequest): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactLength(o.components.length) : 4);
    for (let i5 = 0; i5 < o.components.length; i5++) s += ComponentData.size(v, o.components[i5]!);
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
  static isDefault(o: DescribeClientQuotasRequest): boolean {
    return (o.components.length === 0) &&
      (o.strict === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
