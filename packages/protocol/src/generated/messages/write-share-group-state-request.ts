// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/WriteShareGroupStateRequest.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class StateBatch {
  /** The base offset of this state batch. Versions 0-0. */
  firstOffset: bigint = 0n;
  /** The last offset of this state batch. Versions 0-0. */
  lastOffset: bigint = 0n;
  /** The state - 0:Available,2:Acked,4:Archived Versions 0-0. */
  deliveryState: number = 0;
  /** The delivery count. Versions 0-0. */
  deliveryCount: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): StateBatch {
    const o = new StateBatch();
    o.firstOffset = r.int64();
    o.lastOffset = r.int64();
    o.deliveryState = r.int8();
    o.deliveryCount = r.int16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: StateBatch): void {
    w.int64(o.firstOffset);
    w.int64(o.lastOffset);
    w.int8(o.deliveryState);
    w.int16(o.deliveryCount);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: StateBatch): number {
    let s = 0;
    s += 8;
    s += 8;
    s += 1;
    s += 2;
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
  static isDefault(o: StateBatch): boolean {
    return (o.firstOffset === 0n) &&
      (o.lastOffset === 0n) &&
      (o.deliveryState === 0) &&
      (o.deliveryCount === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class PartitionData {
  /** The partition index. Versions 0-0. */
  partition: number = 0;
  /** The state epoch for this share-partition. Versions 0-0. */
  stateEpoch: number = 0;
  /** The leader epoch of the share-partition. Versions 0-0. */
  leaderEpoch: number = 0;
  /** The share-partition start offset, or -1 if the start offset is not being written. Versions 0-0. */
  startOffset: bigint = 0n;
  /** Versions 0-0. */
  stateBatches: StateBatch[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionData {
    const o = new PartitionData();
    o.partition = r.int32();
    o.stateEpoch = r.int32();
    o.leaderEpoch = r.int32();
    o.startOffset = r.int64();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field StateBatches was null');
    } else {
      const a2: StateBatch[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(StateBatch.read(r, v));
      o.stateBatches = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionData): void {
    w.int32(o.partition);
    w.int32(o.stateEpoch);
    w.int32(o.leaderEpoch);
    w.int64(o.startOffset);
    w.compactArrayLength(o.stateBatches.length);
    for (let i4 = 0; i4 < o.stateBatches.length; i4++) StateBatch.write(w, v, o.stateBatches[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PartitionData): number {
    let s = 0;
    s += 4;
    s += 4;
    s += 4;
    s += 8;
    s += sizeOfCompactLength(o.stateBatches.length);
    for (let i5 = 0; i5 < o.stateBatches.length; i5++) s += StateBatch.size(v, o.stateBatches[i5]!);
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
  static isDefault(o: PartitionData): boolean {
    return (o.partition === 0) &&
      (o.stateEpoch === 0) &&
      (o.leaderEpoch === 0) &&
      (o.startOffset === 0n) &&
      (o.stateBatches.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class WriteStateData {
  /** The topic identifier. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The data for the partitions. Versions 0-0. */
  partitions: PartitionData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): WriteStateData {
    const o = new WriteStateData();
    o.topicId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: PartitionData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionData.read(r, v));
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

  static write(w: Writer, v: number, o: WriteStateData): void {
    w.uuid(o.topicId);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionData.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: WriteStateData): number {
    let s = 0;
    s += 16;
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += PartitionData.size(v, o.partitions[i5]!);
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
  static isDefault(o: WriteStateData): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** WriteShareGroupStateRequest: versions 0, flexible 0+. */
export class WriteShareGroupStateRequest {
  static readonly messageName = 'WriteShareGroupStateRequest';
  static readonly apiKey = 85;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The group identifier. Versions 0-0. */
  groupId: string = "";
  /** The data for the topics. Versions 0-0. */
  topics: WriteStateData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): WriteShareGroupStateRequest {
    const o = new WriteShareGroupStateRequest();
    o.groupId = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: WriteStateData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(WriteStateData.read(r, v));
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

  static write(w: Writer, v: number, o: WriteShareGroupStateRequest): void {
    w.compactString(o.groupId);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) WriteStateData.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: WriteShareGroupStateRequest): number {
    let s = 0;
    s += sizeOfCompactString(o.groupId);
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += WriteStateData.size(v, o.topics[i5]!);
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
  static isDefault(o: WriteShareGroupStateRequest): boolean {
    return (o.groupId === "") &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
