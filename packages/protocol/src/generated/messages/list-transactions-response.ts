// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ListTransactionsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TransactionState {
  /** Versions 0-1. */
  transactionalId: string = "";
  /** Versions 0-1. */
  producerId: bigint = 0n;
  /** The current transaction state of the producer Versions 0-1. */
  transactionState: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TransactionState {
    const o = new TransactionState();
    o.transactionalId = r.compactString();
    o.producerId = r.int64();
    o.transactionState = r.compactString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: TransactionState): void {
    w.compactString(o.transactionalId);
    w.int64(o.producerId);
    w.compactString(o.transactionState);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TransactionState): number {
    let s = 0;
    s += sizeOfCompactString(o.transactionalId);
    s += 8;
    s += sizeOfCompactString(o.transactionState);
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
  static isDefault(o: TransactionState): boolean {
    return (o.transactionalId === "") &&
      (o.producerId === 0n) &&
      (o.transactionState === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ListTransactionsResponse: versions 0-1, flexible 0+. */
export class ListTransactionsResponse {
  static readonly messageName = 'ListTransactionsResponse';
  static readonly apiKey = 66;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number = 0;
  /** Versions 0-1. */
  errorCode: number = 0;
  /** Set of state filters provided in the request which were unknown to the transaction coordinator Versions 0-1. */
  unknownStateFilters: string[] = [];
  /** Versions 0-1. */
  transactionStates: TransactionState[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListTransactionsResponse {
    const o = new ListTransactionsResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field UnknownStateFilters was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.compactString());
      o.unknownStateFilters = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field TransactionStates was null');
    } else {
      const a5: TransactionState[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(TransactionState.read(r, v));
      o.transactionStates = a5;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ListTransactionsResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactArrayLength(o.unknownStateFilters.length);
    for (let i7 = 0; i7 < o.unknownStateFilters.length; i7++) w.compactString(o.unknownStateFilters[i7]!);
    w.compactArrayLength(o.transactionStates.length);
    for (let i8 = 0; i8 < o.transactionStates.length; i8++) TransactionState.write(w, v, o.transactionStates[i8]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ListTransactionsResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += sizeOfCompactLength(o.unknownStateFilters.length);
    for (let i9 = 0; i9 < o.unknownStateFilters.length; i9++) s += sizeOfCompactString(o.unknownStateFilters[i9]!);
    s += sizeOfCompactLength(o.transactionStates.length);
    for (let i10 = 0; i10 < o.transactionStates.length; i10++) s += TransactionState.size(v, o.transactionStates[i10]!);
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
  static isDefault(o: ListTransactionsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.unknownStateFilters.length === 0) &&
      (o.transactionStates.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
