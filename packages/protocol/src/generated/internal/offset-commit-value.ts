// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/OffsetCommitValue.json

import { sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** OffsetCommitValue: versions 0-4, flexible 4+. */
export class OffsetCommitValue {
  static readonly messageName = 'OffsetCommitValue';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** Versions 0-4. */
  offset: bigint = 0n;
  /** Versions 3-4. */
  leaderEpoch: number = -1;
  /** Versions 0-4. */
  metadata: string = "";
  /** Versions 0-4. */
  commitTimestamp: bigint = 0n;
  /** Versions 1-1. */
  expireTimestamp: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetCommitValue {
    const o = new OffsetCommitValue();
    const flexible = v >= 4;
    o.offset = r.int64();
    if (v >= 3) {
      o.leaderEpoch = r.int32();
    }
    o.metadata = (v >= 4 ? r.compactString() : r.string());
    o.commitTimestamp = r.int64();
    if (v >= 1 && v <= 1) {
      o.expireTimestamp = r.int64();
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

  static write(w: Writer, v: number, o: OffsetCommitValue): void {
    const flexible = v >= 4;
    w.int64(o.offset);
    if (v >= 3) {
      w.int32(o.leaderEpoch);
    }
    if (v >= 4) w.compactString(o.metadata);
    else w.string(o.metadata);
    w.int64(o.commitTimestamp);
    if (v >= 1 && v <= 1) {
      w.int64(o.expireTimestamp);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetCommitValue): number {
    let s = 0;
    const flexible = v >= 4;
    s += 8;
    if (v >= 3) {
      s += 4;
    }
    s += (v >= 4 ? sizeOfCompactString(o.metadata) : sizeOfString(o.metadata));
    s += 8;
    if (v >= 1 && v <= 1) {
      s += 8;
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
  static isDefault(o: OffsetCommitValue): boolean {
    return (o.offset === 0n) &&
      (o.leaderEpoch === -1) &&
      (o.metadata === "") &&
      (o.commitTimestamp === 0n) &&
      (o.expireTimestamp === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
