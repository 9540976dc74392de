// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ReadShareGroupStateSummaryResponse.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class PartitionResult {
  /** The partition index. Versions 0-0. */
  partition: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 0-0. */
  errorMessage: string | null = null;
  /** The state epoch of the share-partition. Versions 0-0. */
  stateEpoch: number = 0;
  /** The share-partition start offset. Versions 0-0. */
  startOffset: bigint = 0n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionResult {
    const o = new PartitionResult();
    o.partition = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    o.stateEpoch = r.int32();
    o.startOffset = r.int64();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionResult): void {
    w.int32(o.partition);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    w.int32(o.stateEpoch);
    w.int64(o.startOffset);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PartitionResult): number {
    let s = 0;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    s += 4;
    s += 8;
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
  static isDefault(o: PartitionResult): boolean {
    return (o.partition === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === null) &&
      (o.stateEpoch === 0) &&
      (o.startOffset === 0n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ReadStateSummaryResult {
  /** The topic identifier Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The results for the partitions. Versions 0-0. */
  partitions: PartitionResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ReadStateSummaryResult {
    const o = new ReadStateSummaryResult();
    o.topicId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: PartitionResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionResult.read(r, v));
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

  static write(w: Writer, v: number, o: ReadStateSummaryResult): void {
    w.uuid(o.topicId);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionResult.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ReadStateSummaryResult): number {
    let s = 0;
    s += 16;
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += PartitionResult.size(v, o.partitions[i5]!);
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
  static isDefault(o: ReadStateSummaryResult): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ReadShareGroupStateSummaryResponse: versions 0, flexible 0+. */
export class ReadShareGroupStateSummaryResponse {
  static readonly messageName = 'ReadShareGroupStateSummaryResponse';
  static readonly apiKey = 87;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The read results Versions 0-0. */
  results: ReadStateSummaryResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ReadShareGroupStateSummaryResponse {
    const o = new ReadShareGroupStateSummaryResponse();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Results was null');
    } else {
      const a2: ReadStateSummaryResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ReadStateSummaryResult.read(r, v));
      o.results = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ReadShareGroupStateSummaryResponse): void {
    w.compactArrayLength(o.results.length);
    for (let i4 = 0; i4 < o.results.length; i4++) ReadStateSummaryResult.write(w, v, o.results[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ReadShareGroupStateSummaryResponse): number {
    let s = 0;
    s += sizeOfCompactLength(o.results.length);
    for (let i5 = 0; i5 < o.results.length; i5++) s += ReadStateSummaryResult.size(v, o.results[i5]!);
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
  static isDefault(o: ReadShareGroupStateSummaryResponse): boolean {
    return (o.results.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
