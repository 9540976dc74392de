// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/FenceBrokerRecord.json

import { sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** FenceBrokerRecord: versions 0, flexible 0+. */
export class FenceBrokerRecord {
  static readonly messageName = 'FenceBrokerRecord';
  static readonly apiKey = 7;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The broker ID to fence. It will be removed from all ISRs. Versions 0-0. */
  id: number = 0;
  /** The epoch of the broker to fence. Versions 0-0. */
  epoch: bigint = 0n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FenceBrokerRecord {
    const o = new FenceBrokerRecord();
    o.id = r.int32();
    o.epoch = r.int64();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: FenceBrokerRecord): void {
    w.int32(o.id);
    w.int64(o.epoch);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: FenceBrokerRecord): number {
    let s = 0;
    s += 4;
    s += 8;
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
  static isDefault(o: FenceBrokerRecord): boolean {
    return (o.id === 0) &&
      (o.epoch === 0n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
