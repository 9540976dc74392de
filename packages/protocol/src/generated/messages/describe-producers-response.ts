// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeProducersResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ProducerState {
  /** Versions 0-0. */
  producerId: bigint = 0n;
  /** Versions 0-0. */
  producerEpoch: number = 0;
  /** Versions 0-0. */
  lastSequence: number = -1;
  /** Versions 0-0. */
  lastTimestamp: bigint = -1n;
  /** Versions 0-0. */
  coordinatorEpoch: number = 0;
  /** Versions 0-0. */
  currentTxnStartOffset: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ProducerState {
    const o = new ProducerState();
    o.producerId = r.int64();
    o.producerEpoch = r.int32();
    o.lastSequence = r.int32();
    o.lastTimestamp = r.int64();
    o.coordinatorEpoch = r.int32();
    o.currentTxnStartOffset = r.int64();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ProducerState): void {
    w.int64(o.producerId);
    w.int32(o.producerEpoch);
    w.int32(o.lastSequence);
    w.int64(o.lastTimestamp);
    w.int32(o.coordinatorEpoch);
    w.int64(o.currentTxnStartOffset);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ProducerState): number {
    let s = 0;
    s += 8;
    s += 4;
    s += 4;
    s += 8;
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
  static isDefault(o: ProducerState): boolean {
    return (o.producerId === 0n) &&
      (o.producerEpoch === 0) &&
      (o.lastSequence === -1) &&
      (o.lastTimestamp === -1n) &&
      (o.coordinatorEpoch === 0) &&
      (o.currentTxnStartOffset === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class PartitionResponse {
  /** The partition index. Versions 0-0. */
  partitionIndex: number = 0;
  /** The partition error code, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** The partition error message, which may be null if no additional details are available Versions 0-0. */
  errorMessage: string | null = null;
  /** Versions 0-0. */
  activeProducers: ProducerState[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionResponse {
    const o = new PartitionResponse();
    o.partitionIndex = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field ActiveProducers was null');
    } else {
      const a2: ProducerState[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ProducerState.read(r, v));
      o.activeProducers = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionResponse): void {
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    w.compactArrayLength(o.activeProducers.length);
    for (let i4 = 0; i4 < o.activeProducers.length; i4++) ProducerState.write(w, v, o.activeProducers[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PartitionResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    s += sizeOfCompactLength(o.activeProducers.length);
    for (let i5 = 0; i5 < o.activeProducers.length; i5++) s += ProducerState.size(v, o.activeProducers[i5]!);
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
  static isDefault(o: PartitionResponse): boolean {
    return (o.partitionIndex === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === null) &&
      (o.activeProducers.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicResponse {
  /** The topic name Versions 0-0. */
  name: string = "";
  /** Each partition in the response. Versions 0-0. */
  partitions: PartitionResponse[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicResponse {
    const o = new TopicResponse();
    o.name = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: PartitionResponse[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionResponse.read(r, v));
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

  static write(w: Writer, v: number, o: TopicResponse): void {
    w.compactString(o.name);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionResponse.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicResponse): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += PartitionResponse.size(v, o.partitions[i5]!);
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
  static isDefault(o: TopicResponse): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeProducersResponse: versions 0, flexible 0+. */
export class DescribeProducersResponse {
  static readonly messageName = 'DescribeProducersResponse';
  static readonly apiKey = 61;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** Each topic in the response. Versions 0-0. */
  topics: TopicResponse[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeProducersResponse {
    const o = new DescribeProducersResponse();
    o.throttleTimeMs = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TopicResponse[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicResponse.read(r, v));
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

  static write(w: Writer, v: number, o: DescribeProducersResponse): void {
    w.int32(o.throttleTimeMs);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TopicResponse.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeProducersResponse): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += TopicResponse.size(v, o.topics[i5]!);
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
  static isDefault(o: DescribeProducersResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
