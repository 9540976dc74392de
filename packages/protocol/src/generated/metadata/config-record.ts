// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/ConfigRecord.json

import { sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ConfigRecord: versions 0, flexible 0+. */
export class ConfigRecord {
  static readonly messageName = 'ConfigRecord';
  static readonly apiKey = 4;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The type of resource this configuration applies to. Versions 0-0. */
  resourceType: number = 0;
  /** The name of the resource this configuration applies to. Versions 0-0. */
  resourceName: string = "";
  /** The name of the configuration key. Versions 0-0. */
  name: string = "";
  /** The value of the configuration, or null if the it should be deleted. Versions 0-0. */
  value: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ConfigRecord {
    const o = new ConfigRecord();
    o.resourceType = r.int8();
    o.resourceName = r.compactString();
    o.name = r.compactString();
    o.value = r.compactNullableString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ConfigRecord): void {
    w.int8(o.resourceType);
    w.compactString(o.resourceName);
    w.compactString(o.name);
    w.compactNullableString(o.value);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ConfigRecord): number {
    let s = 0;
    s += 1;
    s += sizeOfCompactString(o.resourceName);
    s += sizeOfCompactString(o.name);
    s += (o.value === null ? 1 : sizeOfCompactString(o.value));
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
  static isDefault(o: ConfigRecord): boolean {
    return (o.resourceType === 0) &&
      (o.resourceName === "") &&
      (o.name === "") &&
      (o.value === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
