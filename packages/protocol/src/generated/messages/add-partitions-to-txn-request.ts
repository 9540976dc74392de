// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AddPartitionsToTxnRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class AddPartitionsToTxnTopic {
  /** The name of the topic. Versions 0-5. */
  name: string = "";
  /** The partition indexes to add to the transaction Versions 0-5. */
  partitions: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AddPartitionsToTxnTopic {
    const o = new AddPartitionsToTxnTopic();
    const flexible = v >= 3;
    o.name = (v >= 3 ? r.compactString() : r.string());
    const n1 = (v >= 3 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.partitions = a2;
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

  static write(w: Writer, v: number, o: AddPartitionsToTxnTopic): void {
    const flexible = v >= 3;
    if (v >= 3) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 3) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) w.int32(o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AddPartitionsToTxnTopic): number {
    let s = 0;
    const flexible = v >= 3;
    s += (v >= 3 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 3 ? sizeOfCompactLength(o.partitions.length) : 4) + o.partitions.length * 4;
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
  static isDefault(o: AddPartitionsToTxnTopic): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class AddPartitionsToTxnTransaction {
  /** The transactional id corresponding to the transaction. Versions 4-5. */
  transactionalId: string = "";
  /** Current producer id in use by the transactional id. Versions 4-5. */
  producerId: bigint = 0n;
  /** Current epoch associated with the producer id. Versions 4-5. */
  producerEpoch: number = 0;
  /** Boolean to signify if we want to check if the partition is in the transaction rather than add it. Versions 4-5. */
  verifyOnly: boolean = false;
  /** The partitions to add to the transaction. Versions 4-5. */
  topics: AddPartitionsToTxnTopic[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AddPartitionsToTxnTransaction {
    const o = new AddPartitionsToTxnTransaction();
    o.transactionalId = r.compactString();
    o.producerId = r.int64();
    o.producerEpoch = r.int16();
    o.verifyOnly = r.bool();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: AddPartitionsToTxnTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AddPartitionsToTxnTopic.read(r, v));
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

  static write(w: Writer, v: number, o: AddPartitionsToTxnTransaction): void {
    w.compactString(o.transactionalId);
    w.int64(o.producerId);
    w.int16(o.producerEpoch);
    w.bool(o.verifyOnly);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) AddPartitionsToTxnTopic.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AddPartitionsToTxnTransaction): number {
    let s = 0;
    s += sizeOfCompactString(o.transactionalId);
    s += 8;
    s += 2;
    s += 1;
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += AddPartitionsToTxnTopic.size(v, o.topics[i5]!);
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
  static isDefault(o: AddPartitionsToTxnTransaction): boolean {
    return (o.transactionalId === "") &&
      (o.producerId === 0n) &&
      (o.producerEpoch === 0) &&
      (o.verifyOnly === false) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** AddPartitionsToTxnRequest: versions 0-5, flexible 3+. */
export class AddPartitionsToTxnRequest {
  static readonly messageName = 'AddPartitionsToTxnRequest';
  static readonly apiKey = 24;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** List of transactions to add partitions to. Versions 4-5. */
  transactions: AddPartitionsToTxnTransaction[] = [];
  /** The transactional id corresponding to the transaction. Versions 0-3. */
  v3AndBelowTransactionalId: string = "";
  /** Current producer id in use by the transactional id. Versions 0-3. */
  v3AndBelowProducerId: bigint = 0n;
  /** Current epoch associated with the producer id. Versions 0-3. */
  v3AndBelowProducerEpoch: number = 0;
  /** The partitions to add to the transaction. Versions 0-3. */
  v3AndBelowTopics: AddPartitionsToTxnTopic[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AddPartitionsToTxnRequest {
    const o = new AddPartitionsToTxnRequest();
    const flexible = v >= 3;
    if (v >= 4) {
      const n1 = r.compactArrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field Transactions was null');
      } else {
        const a2: AddPartitionsToTxnTransaction[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AddPartitionsToTxnTransaction.read(r, v));
        o.transactions = a2;
      }
    }
    if (v <= 3) {
      o.v3AndBelowTransactionalId = (v >= 3 ? r.compactString() : r.string());
    }
    if (v <= 3) {
      o.v3AndBelowProducerId = r.int64();
    }
    if (v <= 3) {
      o.v3AndBelowProducerEpoch = r.int16();
    }
    if (v <= 3) {
      const n4 = (v >= 3 ? r.compactArrayLength() : r.arrayLength());
      if (n4 < 0) {
        r.fail('non-nullable field V3AndBelowTopics was null');
      } else {
        const a5: AddPartitionsToTxnTopic[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(AddPartitionsToTxnTopic.read(r, v));
        o.v3AndBelowTopics = a5;
      }
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

  static write(w: Writer, v: number, o: AddPartitionsToTxnRequest): void {
    const flexible = v >= 3;
    if (v >= 4) {
      w.compactArrayLength(o.transactions.length);
      for (let i7 = 0; i7 < o.transactions.length; i7++) AddPartitionsToTxnTransaction.write(w, v, o.transactions[i7]!);
    }
    if (!(v >= 4)) {
      if (!(o.transactions.length === 0)) throw fieldNotSupported('Transactions', v);
    }
    if (v <= 3) {
      if (v >= 3) w.compactString(o.v3AndBelowTransactionalId);
      else w.string(o.v3AndBelowTransactionalId);
    }
    if (!(v <= 3)) {
      if (!(o.v3AndBelowTransactionalId === "")) throw fieldNotSupported('V3AndBelowTransactionalId', v);
    }
    if (v <= 3) {
      w.int64(o.v3AndBelowProducerId);
    }
    if (!(v <= 3)) {
      if (!(o.v3AndBelowProducerId === 0n)) throw fieldNotSupported('V3AndBelowProducerId', v);
    }
    if (v <= 3) {
      w.int16(o.v3AndBelowProducerEpoch);
    }
    if (!(v <= 3)) {
      if (!(o.v3AndBelowProducerEpoch === 0)) throw fieldNotSupported('V3AndBelowProducerEpoch', v);
    }
    if (v <= 3) {
      if (v >= 3) w.compactArrayLength(o.v3AndBelowTopics.length);
      else w.arrayLength(o.v3AndBelowTopics.length);
      for (let i8 = 0; i8 < o.v3AndBelowTopics.length; i8++) AddPartitionsToTxnTopic.write(w, v, o.v3AndBelowTopics[i8]!);
    }
    if (!(v <= 3)) {
      if (!(o.v3AndBelowTopics.length === 0)) throw fieldNotSupported('V3AndBelowTopics', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AddPartitionsToTxnRequest): number {
    let s = 0;
    const flexible = v >= 3;
    if (v >= 4) {
      s += sizeOfCompactLength(o.transactions.length);
      for (let i9 = 0; i9 < o.transactions.length; i9++) s += AddPartitionsToTxnTransaction.size(v, o.transactions[i9]!);
    }
    if (v <= 3) {
      s += (v >= 3 ? sizeOfCompactString(o.v3AndBelowTransactionalId) : sizeOfString(o.v3AndBelowTransactionalId));
    }
    if (v <= 3) {
      s += 8;
    }
    if (v <= 3) {
      s += 2;
    }
    if (v <= 3) {
      s += (v >= 3 ? sizeOfCompactLength(o.v3AndBelowTopics.length) : 4);
      for (let i10 = 0; i10 < o.v3AndBelowTopics.length; i10++) s += AddPartitionsToTxnTopic.size(v, o.v3AndBelowTopics[i10]!);
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
  static isDefault(o: AddPartitionsToTxnRequest): boolean {
    return (o.transactions.length === 0) &&
      (o.v3AndBelowTransactionalId === "") &&
      (o.v3AndBelowProducerId === 0n) &&
      (o.v3AndBelowProducerEpoch === 0) &&
      (o.v3AndBelowTopics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
