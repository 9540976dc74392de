// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AlterPartitionRequest.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class BrokerState {
  /** The ID of the broker. Versions 3-3. */
  brokerId: number = 0;
  /** The epoch of the broker. It will be -1 if the epoch check is not supported. Versions 3-3. */
  brokerEpoch: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): BrokerState {
    const o = new BrokerState();
    o.brokerId = r.int32();
    o.brokerEpoch = r.int64();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: BrokerState): void {
    w.int32(o.brokerId);
    w.int64(o.brokerEpoch);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: BrokerState): number {
    let s = 0;
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
  static isDefault(o: BrokerState): boolean {
    return (o.brokerId === 0) &&
      (o.brokerEpoch === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class PartitionData {
  /** The partition index Versions 0-3. */
  partitionIndex: number = 0;
  /** The leader epoch of this partition Versions 0-3. */
  leaderEpoch: number = 0;
  /** The ISR for this partition. Deprecated since version 3. Versions 0-2. */
  newIsr: number[] = [];
  /** Versions 3-3. */
  newIsrWithEpochs: BrokerState[] = [];
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. Versions 1-3. */
  leaderRecoveryState: number = 0;
  /** The expected epoch of the partition which is being updated. For legacy cluster this is the ZkVersion in the LeaderAndIsr request. Versions 0-3. */
  partitionEpoch: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionData {
    const o = new PartitionData();
    o.partitionIndex = r.int32();
    o.leaderEpoch = r.int32();
    if (v <= 2) {
      const n1 = r.compactArrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field NewIsr was null');
      } else {
        const a2: number[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
        o.newIsr = a2;
      }
    }
    if (v >= 3) {
      const n4 = r.compactArrayLength();
      if (n4 < 0) {
        r.fail('non-nullable field NewIsrWithEpochs was null');
      } else {
        const a5: BrokerState[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(BrokerState.read(r, v));
        o.newIsrWithEpochs = a5;
      }
    }
    if (v >= 1) {
      o.leaderRecoveryState = r.int8();
    }
    o.partitionEpoch = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionData): void {
    w.int32(o.partitionIndex);
    w.int32(o.leaderEpoch);
    if (v <= 2) {
      w.compactArrayLength(o.newIsr.length);
      for (let i7 = 0; i7 < o.newIsr.length; i7++) w.int32(o.newIsr[i7]!);
    }
    if (!(v <= 2)) {
      if (!(o.newIsr.length === 0)) throw fieldNotSupported('NewIsr', v);
    }
    if (v >= 3) {
      w.compactArrayLength(o.newIsrWithEpochs.length);
      for (let i8 = 0; i8 < o.newIsrWithEpochs.length; i8++) BrokerState.write(w, v, o.newIsrWithEpochs[i8]!);
    }
    if (!(v >= 3)) {
      if (!(o.newIsrWithEpochs.length === 0)) throw fieldNotSupported('NewIsrWithEpochs', v);
    }
    if (v >= 1) {
      w.int8(o.leaderRecoveryState);
    }
    if (!(v >= 1)) {
      if (!(o.leaderRecoveryState === 0)) throw fieldNotSupported('LeaderRecoveryState', v);
    }
    w.int32(o.partitionEpoch);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PartitionData): number {
    let s = 0;
    s += 4;
    s += 4;
    if (v <= 2) {
      s += sizeOfCompactLength(o.newIsr.length) + o.newIsr.length * 4;
    }
    if (v >= 3) {
      s += sizeOfCompactLength(o.newIsrWithEpochs.length);
      for (let i9 = 0; i9 < o.newIsrWithEpochs.length; i9++) s += BrokerState.size(v, o.newIsrWithEpochs[i9]!);
    }
    if (v >= 1) {
      s += 1;
    }
    s += 4;
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
    return (o.partitionIndex === 0) &&
      (o.leaderEpoch === 0) &&
      (o.newIsr.length === 0) &&
      (o.newIsrWithEpochs.length === 0) &&
      (o.leaderRecoveryState === 0) &&
      (o.partitionEpoch === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicData {
  /** The name of the topic to alter ISRs for Versions 0-1. */
  topicName: string = "";
  /** The ID of the topic to alter ISRs for Versions 2-3. */
  topicId: Uuid = ZERO_UUID;
  /** Versions 0-3. */
  partitions: PartitionData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicData {
    const o = new TopicData();
    if (v <= 1) {
      o.topicName = r.compactString();
    }
    if (v >= 2) {
      o.topicId = r.uuid();
    }
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

  static write(w: Writer, v: number, o: TopicData): void {
    if (v <= 1) {
      w.compactString(o.topicName);
    }
    if (v >= 2) {
      w.uuid(o.topicId);
    }
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionData.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicData): number {
    let s = 0;
    if (v <= 1) {
      s += sizeOfCompactString(o.topicName);
    }
    if (v >= 2) {
      s += 16;
    }
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
  static isDefault(o: TopicData): boolean {
    return (o.topicName === "") &&
      (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** AlterPartitionRequest: versions 0-3, flexible 0+. */
export class AlterPartitionRequest {
  static readonly messageName = 'AlterPartitionRequest';
  static readonly apiKey = 56;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The ID of the requesting broker Versions 0-3. */
  brokerId: number = 0;
  /** The epoch of the requesting broker Versions 0-3. */
  brokerEpoch: bigint = -1n;
  /** Versions 0-3. */
  topics: TopicData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterPartitionRequest {
    const o = new AlterPartitionRequest();
    o.brokerId = r.int32();
    o.brokerEpoch = r.int64();
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

  static write(w: Writer, v: number, o: AlterPartitionRequest): void {
    w.int32(o.brokerId);
    w.int64(o.brokerEpoch);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TopicData.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AlterPartitionRequest): number {
    let s = 0;
    s += 4;
    s += 8;
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
  static isDefault(o: AlterPartitionRequest): boolean {
    return (o.brokerId === 0) &&
      (o.brokerEpoch === -1n) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
