// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ListTransactionsRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ListTransactionsRequest: versions 0-1, flexible 0+. */
export class ListTransactionsRequest {
  static readonly messageName = 'ListTransactionsRequest';
  static readonly apiKey = 66;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The transaction states to filter by: if empty, all transactions are returned; if non-empty, then only transactions matching one of the filtered states will be returned Versions 0-1. */
  stateFilters: string[] = [];
  /** The producerIds to filter by: if empty, all transactions will be returned; if non-empty, only transactions which match one of the filtered producerIds will be returned Versions 0-1. */
  producerIdFilters: bigint[] = [];
  /** Duration (in millis) to filter by: if < 0, all transactions will be returned; otherwise, only transactions running longer than this duration will be returned Versions 1-1. */
  durationFilter: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListTransactionsRequest {
    const o = new ListTransactionsRequest();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field StateFilters was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.compactString());
      o.stateFilters = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field ProducerIdFilters was null');
    } else {
      const a5: bigint[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(r.int64());
      o.producerIdFilters = a5;
    }
    if (v >= 1) {
      o.durationFilter = r.int64();
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ListTransactionsRequest): void {
    w.compactArrayLength(o.stateFilters.length);
    for (let i7 = 0; i7 < o.stateFilters.length; i7++) w.compactString(o.stateFilters[i7]!);
    w.compactArrayLength(o.producerIdFilters.length);
    for (let i8 = 0; i8 < o.producerIdFilters.length; i8++) w.int64(o.producerIdFilters[i8]!);
    if (v >= 1) {
      w.int64(o.durationFilter);
    }
    if (!(v >= 1)) {
      if (!(o.durationFilter === -1n)) throw fieldNotSupported('DurationFilter', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ListTransactionsRequest): number {
    let s = 0;
    s += sizeOfCompactLength(o.stateFilters.length);
    for (let i9 = 0; i9 < o.stateFilters.length; i9++) s += sizeOfCompactString(o.stateFilters[i9]!);
    s += sizeOfCompactLength(o.producerIdFilters.length) + o.producerIdFilters.length * 8;
    if (v >= 1) {
      s += 8;
    }
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
  static isDefault(o: ListTransactionsRequest): boolean {
    return (o.stateFilters.length === 0) &&
      (o.producerIdFilters.length === 0) &&
      (o.durationFilter === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
