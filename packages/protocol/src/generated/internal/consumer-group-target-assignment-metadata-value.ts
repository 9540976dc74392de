// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ConsumerGroupTargetAssignmentMetadataValue.json

import { sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ConsumerGroupTargetAssignmentMetadataValue: versions 0, flexible 0+. */
export class ConsumerGroupTargetAssignmentMetadataValue {
  static readonly messageName = 'ConsumerGroupTargetAssignmentMetadataValue';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The assignment epoch. Versions 0-0. */
  assignmentEpoch: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ConsumerGroupTargetAssignmentMetadataValue {
    const o = new ConsumerGroupTargetAssignmentMetadataValue();
    o.assignmentEpoch = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerGroupTargetAssignmentMetadataValue): void {
    w.int32(o.assignmentEpoch);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ConsumerGroupTargetAssignmentMetadataValue): number {
    let s = 0;
    s += 4;
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
  static isDefault(o: ConsumerGroupTargetAssignmentMetadataValue): boolean {
    return (o.assignmentEpoch === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
