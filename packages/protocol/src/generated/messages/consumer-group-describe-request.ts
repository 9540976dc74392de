// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ConsumerGroupDescribeRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ConsumerGroupDescribeRequest: versions 0, flexible 0+. */
export class ConsumerGroupDescribeRequest {
  static readonly messageName = 'ConsumerGroupDescribeRequest';
  static readonly apiKey = 69;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The ids of the groups to describe Versions 0-0. */
  groupIds: string[] = [];
  /** Whether to include authorized operations. Versions 0-0. */
  includeAuthorizedOperations: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ConsumerGroupDescribeRequest {
    const o = new ConsumerGroupDescribeRequest();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field GroupIds was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.compactString());
      o.groupIds = a2;
    }
    o.includeAuthorizedOperations = r.bool();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerGroupDescribeRequest): void {
    w.compactArrayLength(o.groupIds.length);
    for (let i4 = 0; i4 < o.groupIds.length; i4++) w.compactString(o.groupIds[i4]!);
    w.bool(o.includeAuthorizedOperations);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ConsumerGroupDescribeRequest): number {
    let s = 0;
    s += sizeOfCompactLength(o.groupIds.length);
    for (let i5 = 0; i5 < o.groupIds.length; i5++) s += sizeOfCompactString(o.groupIds[i5]!);
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
  static isDefault(o: ConsumerGroupDescribeRequest): boolean {
    return (o.groupIds.length === 0) &&
      (o.includeAuthorizedOperations === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
