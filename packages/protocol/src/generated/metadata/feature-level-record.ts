// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/FeatureLevelRecord.json

import { sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** FeatureLevelRecord: versions 0, flexible 0+. */
export class FeatureLevelRecord {
  static readonly messageName = 'FeatureLevelRecord';
  static readonly apiKey = 12;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The feature name. Versions 0-0. */
  name: string = "";
  /** The current finalized feature level of this feature for the cluster, a value of 0 means feature not supported. Versions 0-0. */
  featureLevel: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FeatureLevelRecord {
    const o = new FeatureLevelRecord();
    o.name = r.compactString();
    o.featureLevel = r.int16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: FeatureLevelRecord): void {
    w.compactString(o.name);
    w.int16(o.featureLevel);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: FeatureLevelRecord): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += 2;
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
  static isDefault(o: FeatureLevelRecord): boolean {
    return (o.name === "") &&
      (o.featureLevel === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
