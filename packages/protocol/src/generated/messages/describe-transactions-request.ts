// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeTransactionsRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** DescribeTransactionsRequest: versions 0, flexible 0+. */
export class DescribeTransactionsRequest {
  static readonly messageName = 'DescribeTransactionsRequest';
  static readonly apiKey = 65;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Array of transactionalIds to include in describe results. If empty, then no results will be returned. Versions 0-0. */
  transactionalIds: string[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeTransactionsRequest {
    const o = new DescribeTransactionsRequest();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field TransactionalIds was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.compactString());
      o.transactionalIds = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeTransactionsRequest): void {
    w.compactArrayLength(o.transactionalIds.length);
    for (let i4 = 0; i4 < o.transactionalIds.length; i4++) w.compactString(o.transactionalIds[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeTransactionsRequest): number {
    let s = 0;
    s += sizeOfCompactLength(o.transactionalIds.length);
    for (let i5 = 0; i5 < o.transactionalIds.length; i5++) s += sizeOfCompactString(o.transactionalIds[i5]!);
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
  static isDefault(o: DescribeTransactionsRequest): boolean {
    return (o.transactionalIds.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
