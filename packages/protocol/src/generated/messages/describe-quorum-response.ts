// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeQuorumResponse.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class Listener {
  /** The name of the endpoint Versions 2-2. */
  name: string = "";
  /** The hostname Versions 2-2. */
  host: string = "";
  /** The port Versions 2-2. */
  port: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Listener {
    const o = new Listener();
    o.name = r.compactString();
    o.host = r.compactString();
    o.port = r.uint16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: Listener): void {
    w.compactString(o.name);
    w.compactString(o.host);
    w.uint16(o.port);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Listener): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += sizeOfCompactString(o.host);
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
  static isDefault(o: Listener): boolean {
    return (o.name === "") &&
      (o.host === "") &&
      (o.port === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class Node {
  /** The ID of the associated node Versions 2-2. */
  nodeId: number = 0;
  /** The listeners of this controller Versions 2-2. */
  listeners: Listener[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Node {
    const o = new Node();
    o.nodeId = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Listeners was null');
    } else {
      const a2: Listener[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(Listener.read(r, v));
      o.listeners = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: Node): void {
    w.int32(o.nodeId);
    w.compactArrayLength(o.listeners.length);
    for (let i4 = 0; i4 < o.listeners.length; i4++) Listener.write(w, v, o.listeners[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Node): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactLength(o.listeners.length);
    for (let i5 = 0; i5 < o.listeners.length; i5++) s += Listener.size(v, o.listeners[i5]!);
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
  static isDefault(o: Node): boolean {
    return (o.nodeId === 0) &&
      (o.listeners.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ReplicaState {
  /** Versions 0-2. */
  replicaId: number = 0;
  /** Versions 2-2. */
  replicaDirectoryId: Uuid = ZERO_UUID;
  /** The last known log end offset of the follower or -1 if it is unknown Versions 0-2. */
  logEndOffset: bigint = 0n;
  /** The last known leader wall clock time time when a follower fetched from the leader. This is reported as -1 both for the current leader or if it is unknown for a voter Versions 1-2. */
  lastFetchTimestamp: bigint = -1n;
  /** The leader wall clock append time of the offset for which the follower made the most recent fetch request. This is reported as the current time for the leader and -1 if unknown for a voter Versions 1-2. */
  lastCaughtUpTimestamp: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ReplicaState {
    const o = new ReplicaState();
    o.replicaId = r.int32();
    if (v >= 2) {
      o.replicaDirectoryId = r.uuid();
    }
    o.logEndOffset = r.int64();
    if (v >= 1) {
      o.lastFetchTimestamp = r.int64();
    }
    if (v >= 1) {
      o.lastCaughtUpTimestamp = r.int64();
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ReplicaState): void {
    w.int32(o.replicaId);
    if (v >= 2) {
      w.uuid(o.replicaDirectoryId);
    }
    if (!(v >= 2)) {
      if (!(o.replicaDirectoryId === ZERO_UUID)) throw fieldNotSupported('ReplicaDirectoryId', v);
    }
    w.int64(o.logEndOffset);
    if (v >= 1) {
      w.int64(o.lastFetchTimestamp);
    }
    if (v >= 1) {
      w.int64(o.lastCaughtUpTimestamp);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ReplicaState): number {
    let s = 0;
    s += 4;
    if (v >= 2) {
      s += 16;
    }
    s += 8;
    if (v >= 1) {
      s += 8;
    }
    if (v >= 1) {
      s += 8;
    }
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
  static isDefault(o: ReplicaState): boolean {
    return (o.replicaId === 0) &&
      (o.replicaDirectoryId === ZERO_UUID) &&
      (o.logEndOffset === 0n) &&
      (o.lastFetchTimestamp === -1n) &&
      (o.lastCaughtUpTimestamp === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class PartitionData {
  /** The partition index. Versions 0-2. */
  partitionIndex: number = 0;
  /** Versions 0-2. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 2-2. */
  errorMessage: string | null = "";
  /** The ID of the current leader or -1 if the leader is unknown. Versions 0-2. */
  leaderId: number = 0;
  /** The latest known leader epoch Versions 0-2. */
  leaderEpoch: number = 0;
  /** Versions 0-2. */
  highWatermark: bigint = 0n;
  /** Versions 0-2. */
  currentVoters: ReplicaState[] = [];
  /** Versions 0-2. */
  observers: ReplicaState[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionData {
    const o = new PartitionData();
    o.partitionIndex = r.int32();
    o.errorCode = r.int16();
    if (v >= 2) {
      o.errorMessage = r.compactNullableString();
    }
    o.leaderId = r.int32();
    o.leaderEpoch = r.int32();
    o.highWatermark = r.int64();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field CurrentVoters was null');
    } else {
      const a2: ReplicaState[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ReplicaState.read(r, v));
      o.currentVoters = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field Observers was null');
    } else {
      const a5: ReplicaState[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(ReplicaState.read(r, v));
      o.observers = a5;
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
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    if (v >= 2) {
      w.compactNullableString(o.errorMessage);
    }
    w.int32(o.leaderId);
    w.int32(o.leaderEpoch);
    w.int64(o.highWatermark);
    w.compactArrayLength(o.currentVoters.length);
    for (let i7 = 0; i7 < o.currentVoters.length; i7++) ReplicaState.write(w, v, o.currentVoters[i7]!);
    w.compactArrayLength(o.observers.length);
    for (let i8 = 0; i8 < o.observers.length; i8++) ReplicaState.write(w, v, o.observers[i8]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PartitionData): number {
    let s = 0;
    s += 4;
    s += 2;
    if (v >= 2) {
      s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    }
    s += 4;
    s += 4;
    s += 8;
    s += sizeOfCompactLength(o.currentVoters.length);
    for (let i9 = 0; i9 < o.currentVoters.length; i9++) s += ReplicaState.size(v, o.currentVoters[i9]!);
    s += sizeOfCompactLength(o.observers.length);
    for (let i10 = 0; i10 < o.observers.length; i10++) s += ReplicaState.size(v, o.observers[i10]!);
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
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.leaderId === 0) &&
      (o.leaderEpoch === 0) &&
      (o.highWatermark === 0n) &&
      (o.currentVoters.length === 0) &&
      (o.observers.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicData {
  /** The topic name. Versions 0-2. */
  topicName: string = "";
  /** Versions 0-2. */
  partitions: PartitionData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicData {
    const o = new TopicData();
    o.topicName = r.compactString();
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
    w.compactString(o.topicName);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionData.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicData): number {
    let s = 0;
    s += sizeOfCompactString(o.topicName);
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
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeQuorumResponse: versions 0-2, flexible 0+. */
export class DescribeQuorumResponse {
  static readonly messageName = 'DescribeQuorumResponse';
  static readonly apiKey = 55;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The top level error code. Versions 0-2. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 2-2. */
  errorMessage: string | null = "";
  /** Versions 0-2. */
  topics: TopicData[] = [];
  /** Versions 2-2. */
  nodes: Node[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeQuorumResponse {
    const o = new DescribeQuorumResponse();
    o.errorCode = r.int16();
    if (v >= 2) {
      o.errorMessage = r.compactNullableString();
    }
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TopicData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicData.read(r, v));
      o.topics = a2;
    }
    if (v >= 2) {
      const n4 = r.compactArrayLength();
      if (n4 < 0) {
        r.fail('non-nullable field Nodes was null');
      } else {
        const a5: Node[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(Node.read(r, v));
        o.nodes = a5;
      }
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeQuorumResponse): void {
    w.int16(o.errorCode);
    if (v >= 2) {
      w.compactNullableString(o.errorMessage);
    }
    w.compactArrayLength(o.topics.length);
    for (let i7 = 0; i7 < o.topics.length; i7++) TopicData.write(w, v, o.topics[i7]!);
    if (v >= 2) {
      w.compactArrayLength(o.nodes.length);
      for (let i8 = 0; i8 < o.nodes.length; i8++) Node.write(w, v, o.nodes[i8]!);
    }
    if (!(v >= 2)) {
      if (!(o.nodes.length === 0)) throw fieldNotSupported('Nodes', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeQuorumResponse): number {
    let s = 0;
    s += 2;
    if (v >= 2) {
      s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    }
    s += sizeOfCompactLength(o.topics.length);
    for (let i9 = 0; i9 < o.topics.length; i9++) s += TopicData.size(v, o.topics[i9]!);
    if (v >= 2) {
      s += sizeOfCompactLength(o.nodes.length);
      for (let i10 = 0; i10 < o.nodes.length; i10++) s += Node.size(v, o.nodes[i10]!);
    }
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
  static isDefault(o: DescribeQuorumResponse): boolean {
    return (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.topics.length === 0) &&
      (o.nodes.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
