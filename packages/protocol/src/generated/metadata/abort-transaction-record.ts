// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/AbortTransactionRecord.json

import { sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** AbortTransactionRecord: versions 0, flexible 0+. */
export class AbortTransactionRecord {
  static readonly messageName = 'AbortTransactionRecord';
  static readonly apiKey = 25;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** An optional textual description of why the transaction was aborted. Versions 0-0. Tag 0. */
  reason: string | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AbortTransactionRecord {
    const o = new AbortTransactionRecord();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      const start = r.pos;
      if (tag === 0) {
        o.reason = r.compactNullableString();
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: AbortTransactionRecord): void {
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has1 = !(o.reason === null);
    if (has1) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has1) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size2 = 0;
      size2 += (o.reason === null ? 1 : sizeOfCompactString(o.reason));
      w.unsignedVarint(size2);
      w.compactNullableString(o.reason);
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: AbortTransactionRecord): number {
    let s = 0;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (!(o.reason === null)) {
      count++;
      let size3 = 0;
      size3 += (o.reason === null ? 1 : sizeOfCompactString(o.reason));
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size3) + size3;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: AbortTransactionRecord): boolean {
    return (o.reason === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
