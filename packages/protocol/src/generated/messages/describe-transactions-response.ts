// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeTransactionsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TopicData {
  /** Versions 0-0. */
  topic: string = "";
  /** Versions 0-0. */
  partitions: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicData {
    const o = new TopicData();
    o.topic = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.partitions = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: TopicData): void {
    w.compactString(o.topic);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) w.int32(o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicData): number {
    let s = 0;
    s += sizeOfCompactString(o.topic);
    s += sizeOfCompactLength(o.partitions.length) + o.partitions.length * 4;
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
  static isDefault(o: TopicData): boolean {
    return (o.topic === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TransactionState {
  /** Versions 0-0. */
  errorCode: number = 0;
  /** Versions 0-0. */
  transactionalId: string = "";
  /** Versions 0-0. */
  transactionState: string = "";
  /** Versions 0-0. */
  transactionTimeoutMs: number = 0;
  /** Versions 0-0. */
  transactionStartTimeMs: bigint = 0n;
  /** Versions 0-0. */
  producerId: bigint = 0n;
  /** Versions 0-0. */
  producerEpoch: number = 0;
  /** The set of partitions included in the current transaction (if active). When a transaction is preparing to commit or abort, this will include only partitions which do not have markers. Versions 0-0. */
  topics: TopicData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TransactionState {
    const o = new TransactionState();
    o.errorCode = r.int16();
    o.transactionalId = r.compactString();
    o.transactionState = r.compactString();
    o.transactionTimeoutMs = r.int32();
    o.transactionStartTimeMs = r.int64();
    o.producerId = r.int64();
    o.producerEpoch = r.int16();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TopicData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicData.read(r, v));
      o.topics = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: TransactionState): void {
    w.int16(o.errorCode);
    w.compactString(o.transactionalId);
    w.compactString(o.transactionState);
    w.int32(o.transactionTimeoutMs);
    w.int64(o.transactionStartTimeMs);
    w.int64(o.producerId);
    w.int16(o.producerEpoch);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TopicData.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TransactionState): number {
    let s = 0;
    s += 2;
    s += sizeOfCompactString(o.transactionalId);
    s += sizeOfCompactString(o.transactionState);
    s += 4;
    s += 8;
    s += 8;
    s += 2;
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += TopicData.size(v, o.topics[i5]!);
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
    return (o.errorCode === 0) &&
      (o.transactionalId === "") &&
      (o.transactionState === "") &&
      (o.transactionTimeoutMs === 0) &&
      (o.transactionStartTimeMs === 0n) &&
      (o.producerId === 0n) &&
      (o.producerEpoch === 0) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeTransactionsResponse: versions 0, flexible 0+. */
export class DescribeTransactionsResponse {
  static readonly messageName = 'DescribeTransactionsResponse';
  static readonly apiKey = 65;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** Versions 0-0. */
  transactionStates: TransactionState[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeTransactionsResponse {
    const o = new DescribeTransactionsResponse();
    o.throttleTimeMs = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field TransactionStates was null');
    } else {
      const a2: TransactionState[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TransactionState.read(r, v));
      o.transactionStates = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeTransactionsResponse): void {
    w.int32(o.throttleTimeMs);
    w.compactArrayLength(o.transactionStates.length);
    for (let i4 = 0; i4 < o.transactionStates.length; i4++) TransactionState.write(w, v, o.transactionStates[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeTransactionsResponse): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactLength(o.transactionStates.length);
    for (let i5 = 0; i5 < o.transactionStates.length; i5++) s += TransactionState.size(v, o.transactionStates[i5]!);
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
  static isDefault(o: DescribeTransactionsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.transactionStates.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
