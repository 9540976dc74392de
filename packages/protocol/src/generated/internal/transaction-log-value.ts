// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/TransactionLogValue.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class PartitionsSchema {
  /** Versions 0-1. */
  topic: string = "";
  /** Versions 0-1. */
  partitionIds: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionsSchema {
    const o = new PartitionsSchema();
    const flexible = v >= 1;
    o.topic = (v >= 1 ? r.compactString() : r.string());
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field PartitionIds was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.partitionIds = a2;
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

  static write(w: Writer, v: number, o: PartitionsSchema): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactString(o.topic);
    else w.string(o.topic);
    if (v >= 1) w.compactArrayLength(o.partitionIds.length);
    else w.arrayLength(o.partitionIds.length);
    for (let i4 = 0; i4 < o.partitionIds.length; i4++) w.int32(o.partitionIds[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: PartitionsSchema): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactString(o.topic) : sizeOfString(o.topic));
    s += (v >= 1 ? sizeOfCompactLength(o.partitionIds.length) : 4) + o.partitionIds.length * 4;
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
  static isDefault(o: PartitionsSchema): boolean {
    return (o.topic === "") &&
      (o.partitionIds.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** TransactionLogValue: versions 0-1, flexible 1+. */
export class TransactionLogValue {
  static readonly messageName = 'TransactionLogValue';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 1;

  /** Producer id in use by the transactional id Versions 0-1. */
  producerId: bigint = 0n;
  /** Epoch associated with the producer id Versions 0-1. */
  producerEpoch: number = 0;
  /** Transaction timeout in milliseconds Versions 0-1. */
  transactionTimeoutMs: number = 0;
  /** TransactionState the transaction is in Versions 0-1. */
  transactionStatus: number = 0;
  /** Set of partitions involved in the transaction Versions 0-1. */
  transactionPartitions: PartitionsSchema[] | null = [];
  /** Time the transaction was last updated Versions 0-1. */
  transactionLastUpdateTimestampMs: bigint = 0n;
  /** Time the transaction was started Versions 0-1. */
  transactionStartTimestampMs: bigint = 0n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TransactionLogValue {
    const o = new TransactionLogValue();
    const flexible = v >= 1;
    o.producerId = r.int64();
    o.producerEpoch = r.int16();
    o.transactionTimeoutMs = r.int32();
    o.transactionStatus = r.int8();
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      o.transactionPartitions = null;
    } else {
      const a2: PartitionsSchema[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionsSchema.read(r, v));
      o.transactionPartitions = a2;
    }
    o.transactionLastUpdateTimestampMs = r.int64();
    o.transactionStartTimestampMs = r.int64();
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

  static write(w: Writer, v: number, o: TransactionLogValue): void {
    const flexible = v >= 1;
    w.int64(o.producerId);
    w.int16(o.producerEpoch);
    w.int32(o.transactionTimeoutMs);
    w.int8(o.transactionStatus);
    if (o.transactionPartitions === null) (v >= 1 ? w.unsignedVarint(0) : w.int32(-1));
    else {
      if (v >= 1) w.compactArrayLength(o.transactionPartitions.length);
      else w.arrayLength(o.transactionPartitions.length);
      for (let i4 = 0; i4 < o.transactionPartitions.length; i4++) PartitionsSchema.write(w, v, o.transactionPartitions[i4]!);
    }
    w.int64(o.transactionLastUpdateTimestampMs);
    w.int64(o.transactionStartTimestampMs);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TransactionLogValue): number {
    let s = 0;
    const flexible = v >= 1;
    s += 8;
    s += 2;
    s += 4;
    s += 1;
    if (o.transactionPartitions === null) s += (v >= 1 ? 1 : 4);
    else {
      s += (v >= 1 ? sizeOfCompactLength(o.transactionPartitions.length) : 4);
      for (let i5 = 0; i5 < o.transactionPartitions.length; i5++) s += PartitionsSchema.size(v, o.transactionPartitions[i5]!);
    }
    s += 8;
    s += 8;
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
  static isDefault(o: TransactionLogValue): boolean {
    return (o.producerId === 0n) &&
      (o.producerEpoch === 0) &&
      (o.transactionTimeoutMs === 0) &&
      (o.transactionStatus === 0) &&
      (o.transactionPartitions !== null && o.transactionPartitions.length === 0) &&
      (o.transactionLastUpdateTimestampMs === 0n) &&
      (o.transactionStartTimestampMs === 0n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
