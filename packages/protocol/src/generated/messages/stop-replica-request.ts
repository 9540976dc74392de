// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/StopReplicaRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class StopReplicaPartitionState {
  /** The partition index. Versions 3-4. */
  partitionIndex: number = 0;
  /** The leader epoch. Versions 3-4. */
  leaderEpoch: number = -1;
  /** Whether this partition should be deleted. Versions 3-4. */
  deletePartition: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): StopReplicaPartitionState {
    const o = new StopReplicaPartitionState();
    o.partitionIndex = r.int32();
    o.leaderEpoch = r.int32();
    o.deletePartition = r.bool();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: StopReplicaPartitionState): void {
    w.int32(o.partitionIndex);
    w.int32(o.leaderEpoch);
    w.bool(o.deletePartition);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: StopReplicaPartitionState): number {
    let s = 0;
    s += 4;
    s += 4;
    s += 1;
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
  static isDefault(o: StopReplicaPartitionState): boolean {
    return (o.partitionIndex === 0) &&
      (o.leaderEpoch === -1) &&
      (o.deletePartition === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class StopReplicaTopicState {
  /** The topic name. Versions 3-4. */
  topicName: string = "";
  /** The state of each partition Versions 3-4. */
  partitionStates: StopReplicaPartitionState[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): StopReplicaTopicState {
    const o = new StopReplicaTopicState();
    o.topicName = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field PartitionStates was null');
    } else {
      const a2: StopReplicaPartitionState[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(StopReplicaPartitionState.read(r, v));
      o.partitionStates = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: StopReplicaTopicState): void {
    w.compactString(o.topicName);
    w.compactArrayLength(o.partitionStates.length);
    for (let i4 = 0; i4 < o.partitionStates.length; i4++) StopReplicaPartitionState.write(w, v, o.partitionStates[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: StopReplicaTopicState): number {
    let s = 0;
    s += sizeOfCompactString(o.topicName);
    s += sizeOfCompactLength(o.partitionStates.length);
    for (let i5 = 0; i5 < o.partitionStates.length; i5++) s += StopReplicaPartitionState.size(v, o.partitionStates[i5]!);
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
  static isDefault(o: StopReplicaTopicState): boolean {
    return (o.topicName === "") &&
      (o.partitionStates.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class StopReplicaTopicV1 {
  /** The topic name. Versions 1-2. */
  name: string = "";
  /** The partition indexes. Versions 1-2. */
  partitionIndexes: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): StopReplicaTopicV1 {
    const o = new StopReplicaTopicV1();
    const flexible = v >= 2;
    o.name = (v >= 2 ? r.compactString() : r.string());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field PartitionIndexes was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.partitionIndexes = a2;
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

  static write(w: Writer, v: number, o: StopReplicaTopicV1): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 2) w.compactArrayLength(o.partitionIndexes.length);
    else w.arrayLength(o.partitionIndexes.length);
    for (let i4 = 0; i4 < o.partitionIndexes.length; i4++) w.int32(o.partitionIndexes[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: StopReplicaTopicV1): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 2 ? sizeOfCompactLength(o.partitionIndexes.length) : 4) + o.partitionIndexes.length * 4;
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
  static isDefault(o: StopReplicaTopicV1): boolean {
    return (o.name === "") &&
      (o.partitionIndexes.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class StopReplicaPartitionV0 {
  /** The topic name. Versions 0-0. */
  topicName: string = "";
  /** The partition index. Versions 0-0. */
  partitionIndex: number = 0;

  static read(r: Reader, v: number): StopReplicaPartitionV0 {
    const o = new StopReplicaPartitionV0();
    o.topicName = r.string();
    o.partitionIndex = r.int32();
    return o;
  }

  static write(w: Writer, v: number, o: StopReplicaPartitionV0): void {
    w.string(o.topicName);
    w.int32(o.partitionIndex);
  }

  static size(v: number, o: StopReplicaPartitionV0): number {
    let s = 0;
    s += sizeOfString(o.topicName);
    s += 4;
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: StopReplicaPartitionV0): boolean {
    return (o.topicName === "") &&
      (o.partitionIndex === 0);
  }
}

/** StopReplicaRequest: versions 0-4, flexible 2+. */
export class StopReplicaRequest {
  static readonly messageName = 'StopReplicaRequest';
  static readonly apiKey = 5;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The controller id. Versions 0-4. */
  controllerId: number = 0;
  /** If KRaft controller id is used during migration. See KIP-866 Versions 4-4. */
  isKRaftController: boolean = false;
  /** The controller epoch. Versions 0-4. */
  controllerEpoch: number = 0;
  /** The broker epoch. Versions 1-4. */
  brokerEpoch: bigint = -1n;
  /** Whether these partitions should be deleted. Versions 0-2. */
  deletePartitions: boolean = false;
  /** The partitions to stop. Versions 0-0. */
  ungroupedPartitions: StopReplicaPartitionV0[] = [];
  /** The topics to stop. Versions 1-2. */
  topics: StopReplicaTopicV1[] = [];
  /** Each topic. Versions 3-4. */
  topicStates: StopReplicaTopicState[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): StopReplicaRequest {
    const o = new StopReplicaRequest();
    const flexible = v >= 2;
    o.controllerId = r.int32();
    if (v >= 4) {
      o.isKRaftController = r.bool();
    }
    o.controllerEpoch = r.int32();
    if (v >= 1) {
      o.brokerEpoch = r.int64();
    }
    if (v <= 2) {
      o.deletePartitions = r.bool();
    }
    if (v <= 0) {
      const n1 = r.arrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field UngroupedPartitions was null');
      } else {
        const a2: StopReplicaPartitionV0[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(StopReplicaPartitionV0.read(r, v));
        o.ungroupedPartitions = a2;
      }
    }
    if (v >= 1 && v <= 2) {
      const n4 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
      if (n4 < 0) {
        r.fail('non-nullable field Topics was null');
      } else {
        const a5: StopReplicaTopicV1[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(StopReplicaTopicV1.read(r, v));
        o.topics = a5;
      }
    }
    if (v >= 3) {
      const n7 = r.compactArrayLength();
      if (n7 < 0) {
        r.fail('non-nullable field TopicStates was null');
      } else {
        const a8: StopReplicaTopicState[] = [];
        for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(StopReplicaTopicState.read(r, v));
        o.topicStates = a8;
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

  static write(w: Writer, v: number, o: StopReplicaRequest): void {
    const flexible = v >= 2;
    w.int32(o.controllerId);
    if (v >= 4) {
      w.bool(o.isKRaftController);
    }
    if (!(v >= 4)) {
      if (!(o.isKRaftController === false)) throw fieldNotSupported('isKRaftController', v);
    }
    w.int32(o.controllerEpoch);
    if (v >= 1) {
      w.int64(o.brokerEpoch);
    }
    if (v <= 2) {
      w.bool(o.deletePartitions);
    }
    if (!(v <= 2)) {
      if (!(o.deletePartitions === false)) throw fieldNotSupported('DeletePartitions', v);
    }
    if (v <= 0) {
      w.arrayLength(o.ungroupedPartitions.length);
      for (let i10 = 0; i10 < o.ungroupedPartitions.length; i10++) StopReplicaPartitionV0.write(w, v, o.ungroupedPartitions[i10]!);
    }
    if (!(v <= 0)) {
      if (!(o.ungroupedPartitions.length === 0)) throw fieldNotSupported('UngroupedPartitions', v);
    }
    if (v >= 1 && v <= 2) {
      if (v >= 2) w.compactArrayLength(o.topics.length);
      else w.arrayLength(o.topics.length);
      for (let i11 = 0; i11 < o.topics.length; i11++) StopReplicaTopicV1.write(w, v, o.topics[i11]!);
    }
    if (!(v >= 1 && v <= 2)) {
      if (!(o.topics.length === 0)) throw fieldNotSupported('Topics', v);
    }
    if (v >= 3) {
      w.compactArrayLength(o.topicStates.length);
      for (let i12 = 0; i12 < o.topicStates.length; i12++) StopReplicaTopicState.write(w, v, o.topicStates[i12]!);
    }
    if (!(v >= 3)) {
      if (!(o.topicStates.length === 0)) throw fieldNotSupported('TopicStates', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: StopReplicaRequest): number {
    let s = 0;
    const flexible = v >= 2;
    s += 4;
    if (v >= 4) {
      s += 1;
    }
    s += 4;
    if (v >= 1) {
      s += 8;
    }
    if (v <= 2) {
      s += 1;
    }
    if (v <= 0) {
      s += 4;
      for (let i13 = 0; i13 < o.ungroupedPartitions.length; i13++) s += StopReplicaPartitionV0.size(v, o.ungroupedPartitions[i13]!);
    }
    if (v >= 1 && v <= 2) {
      s += (v >= 2 ? sizeOfCompactLength(o.topics.length) : 4);
      for (let i14 = 0; i14 < o.topics.length; i14++) s += StopReplicaTopicV1.size(v, o.topics[i14]!);
    }
    if (v >= 3) {
      s += sizeOfCompactLength(o.topicStates.length);
      for (let i15 = 0; i15 < o.topicStates.length; i15++) s += StopReplicaTopicState.size(v, o.topicStates[i15]!);
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
  static isDefault(o: StopReplicaRequest): boolean {
    return (o.controllerId === 0) &&
      (o.isKRaftController === false) &&
      (o.controllerEpoch === 0) &&
      (o.brokerEpoch === -1n) &&
      (o.deletePartitions === false) &&
      (o.ungroupedPartitions.length === 0) &&
      (o.topics.length === 0) &&
      (o.topicStates.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
