// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AddPartitionsToTxnResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class AddPartitionsToTxnPartitionResult {
  /** The partition indexes. Versions 0-5. */
  partitionIndex: number = 0;
  /** The response error code. Versions 0-5. */
  partitionErrorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AddPartitionsToTxnPartitionResult {
    const o = new AddPartitionsToTxnPartitionResult();
    const flexible = v >= 3;
    o.partitionIndex = r.int32();
    o.partitionErrorCode = r.int16();
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

  static write(w: Writer, v: number, o: AddPartitionsToTxnPartitionResult): void {
    const flexible = v >= 3;
    w.int32(o.partitionIndex);
    w.int16(o.partitionErrorCode);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AddPartitionsToTxnPartitionResult): number {
    let s = 0;
    const flexible = v >= 3;
    s += 4;
    s += 2;
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
  static isDefault(o: AddPartitionsToTxnPartitionResult): boolean {
    return (o.partitionIndex === 0) &&
      (o.partitionErrorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class AddPartitionsToTxnTopicResult {
  /** The topic name. Versions 0-5. */
  name: string = "";
  /** The results for each partition Versions 0-5. */
  resultsByPartition: AddPartitionsToTxnPartitionResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AddPartitionsToTxnTopicResult {
    const o = new AddPartitionsToTxnTopicResult();
    const flexible = v >= 3;
    o.name = (v >= 3 ? r.compactString() : r.string());
    const n1 = (v >= 3 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field ResultsByPartition was null');
    } else {
      const a2: AddPartitionsToTxnPartitionResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AddPartitionsToTxnPartitionResult.read(r, v));
      o.resultsByPartition = a2;
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

  static write(w: Writer, v: number, o: AddPartitionsToTxnTopicResult): void {
    const flexible = v >= 3;
    if (v >= 3) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 3) w.compactArrayLength(o.resultsByPartition.length);
    else w.arrayLength(o.resultsByPartition.length);
    for (let i4 = 0; i4 < o.resultsByPartition.length; i4++) AddPartitionsToTxnPartitionResult.write(w, v, o.resultsByPartition[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AddPartitionsToTxnTopicResult): number {
    let s = 0;
    const flexible = v >= 3;
    s += (v >= 3 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 3 ? sizeOfCompactLength(o.resultsByPartition.length) : 4);
    for (let i5 = 0; i5 < o.resultsByPartition.length; i5++) s += AddPartitionsToTxnPartitionResult.size(v, o.resultsByPartition[i5]!);
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
  static isDefault(o: AddPartitionsToTxnTopicResult): boolean {
    return (o.name === "") &&
      (o.resultsByPartition.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class AddPartitionsToTxnResult {
  /** The transactional id corresponding to the transaction. Versions 4-5. */
  transactionalId: string = "";
  /** The results for each topic. Versions 4-5. */
  topicResults: AddPartitionsToTxnTopicResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AddPartitionsToTxnResult {
    const o = new AddPartitionsToTxnResult();
    o.transactionalId = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field TopicResults was null');
    } else {
      const a2: AddPartitionsToTxnTopicResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AddPartitionsToTxnTopicResult.read(r, v));
      o.topicResults = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: AddPartitionsToTxnResult): void {
    w.compactString(o.transactionalId);
    w.compactArrayLength(o.topicResults.length);
    for (let i4 = 0; i4 < o.topicResults.length; i4++) AddPartitionsToTxnTopicResult.write(w, v, o.topicResults[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AddPartitionsToTxnResult): number {
    let s = 0;
    s += sizeOfCompactString(o.transactionalId);
    s += sizeOfCompactLength(o.topicResults.length);
    for (let i5 = 0; i5 < o.topicResults.length; i5++) s += AddPartitionsToTxnTopicResult.size(v, o.topicResults[i5]!);
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
  static isDefault(o: AddPartitionsToTxnResult): boolean {
    return (o.transactionalId === "") &&
      (o.topicResults.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** AddPartitionsToTxnResponse: versions 0-5, flexible 3+. */
export class AddPartitionsToTxnResponse {
  static readonly messageName = 'AddPartitionsToTxnResponse';
  static readonly apiKey = 24;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-5. */
  throttleTimeMs: number = 0;
  /** The response top level error code. Versions 4-5. */
  errorCode: number = 0;
  /** Results categorized by transactional ID. Versions 4-5. */
  resultsByTransaction: AddPartitionsToTxnResult[] = [];
  /** The results for each topic. Versions 0-3. */
  resultsByTopicV3AndBelow: AddPartitionsToTxnTopicResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AddPartitionsToTxnResponse {
    const o = new AddPartitionsToTxnResponse();
    const flexible = v >= 3;
    o.throttleTimeMs = r.int32();
    if (v >= 4) {
      o.errorCode = r.int16();
    }
    if (v >= 4) {
      const n1 = r.compactArrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field ResultsByTransaction was null');
      } else {
        const a2: AddPartitionsToTxnResult[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AddPartitionsToTxnResult.read(r, v));
        o.resultsByTransaction = a2;
      }
    }
    if (v <= 3) {
      const n4 = (v >= 3 ? r.compactArrayLength() : r.arrayLength());
      if (n4 < 0) {
        r.fail('non-nullable field ResultsByTopicV3AndBelow was null');
      } else {
        const a5: AddPartitionsToTxnTopicResult[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(AddPartitionsToTxnTopicResult.read(r, v));
        o.resultsByTopicV3AndBelow = a5;
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

  static write(w: Writer, v: number, o: AddPartitionsToTxnResponse): void {
    const flexible = v >= 3;
    w.int32(o.throttleTimeMs);
    if (v >= 4) {
      w.int16(o.errorCode);
    }
    if (v >= 4) {
      w.compactArrayLength(o.resultsByTransaction.length);
      for (let i7 = 0; i7 < o.resultsByTransaction.length; i7++) AddPartitionsToTxnResult.write(w, v, o.resultsByTransaction[i7]!);
    }
    if (!(v >= 4)) {
      if (!(o.resultsByTransaction.length === 0)) throw fieldNotSupported('ResultsByTransaction', v);
    }
    if (v <= 3) {
      if (v >= 3) w.compactArrayLength(o.resultsByTopicV3AndBelow.length);
      else w.arrayLength(o.resultsByTopicV3AndBelow.length);
      for (let i8 = 0; i8 < o.resultsByTopicV3AndBelow.length; i8++) AddPartitionsToTxnTopicResult.write(w, v, o.resultsByTopicV3AndBelow[i8]!);
    }
    if (!(v <= 3)) {
      if (!(o.resultsByTopicV3AndBelow.length === 0)) throw fieldNotSupported('ResultsByTopicV3AndBelow', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AddPartitionsToTxnResponse): number {
    let s = 0;
    const flexible = v >= 3;
    s += 4;
    if (v >= 4) {
      s += 2;
    }
    if (v >= 4) {
      s += sizeOfCompactLength(o.resultsByTransaction.length);
      for (let i9 = 0; i9 < o.resultsByTransaction.length; i9++) s += AddPartitionsToTxnResult.size(v, o.resultsByTransaction[i9]!);
    }
    if (v <= 3) {
      s += (v >= 3 ? sizeOfCompactLength(o.resultsByTopicV3AndBelow.length) : 4);
      for (let i10 = 0; i10 < o.resultsByTopicV3AndBelow.length; i10++) s += AddPartitionsToTxnTopicResult.size(v, o.resultsByTopicV3AndBelow[i10]!);
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
  static isDefault(o: AddPartitionsToTxnResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.resultsByTransaction.length === 0) &&
      (o.resultsByTopicV3AndBelow.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
