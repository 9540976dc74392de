// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/LeaderAndIsrRequest.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class LeaderAndIsrLiveLeader {
  /** The leader's broker ID. Versions 0-7. */
  brokerId: number = 0;
  /** The leader's hostname. Versions 0-7. */
  hostName: string = "";
  /** The leader's port. Versions 0-7. */
  port: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaderAndIsrLiveLeader {
    const o = new LeaderAndIsrLiveLeader();
    const flexible = v >= 4;
    o.brokerId = r.int32();
    o.hostName = (v >= 4 ? r.compactString() : r.string());
    o.port = r.int32();
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

  static write(w: Writer, v: number, o: LeaderAndIsrLiveLeader): void {
    const flexible = v >= 4;
    w.int32(o.brokerId);
    if (v >= 4) w.compactString(o.hostName);
    else w.string(o.hostName);
    w.int32(o.port);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: LeaderAndIsrLiveLeader): number {
    let s = 0;
    const flexible = v >= 4;
    s += 4;
    s += (v >= 4 ? sizeOfCompactString(o.hostName) : sizeOfString(o.hostName));
    s += 4;
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
  static isDefault(o: LeaderAndIsrLiveLeader): boolean {
    return (o.brokerId === 0) &&
      (o.hostName === "") &&
      (o.port === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class LeaderAndIsrTopicState {
  /** The topic name. Versions 2-7. */
  topicName: string = "";
  /** The unique topic ID. Versions 5-7. */
  topicId: Uuid = ZERO_UUID;
  /** The state of each partition Versions 2-7. */
  partitionStates: LeaderAndIsrPartitionState[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaderAndIsrTopicState {
    const o = new LeaderAndIsrTopicState();
    const flexible = v >= 4;
    o.topicName = (v >= 4 ? r.compactString() : r.string());
    if (v >= 5) {
      o.topicId = r.uuid();
    }
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field PartitionStates was null');
    } else {
      const a2: LeaderAndIsrPartitionState[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(LeaderAndIsrPartitionState.read(r, v));
      o.partitionStates = a2;
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

  static write(w: Writer, v: number, o: LeaderAndIsrTopicState): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.topicName);
    else w.string(o.topicName);
    if (v >= 5) {
      w.uuid(o.topicId);
    }
    if (v >= 4) w.compactArrayLength(o.partitionStates.length);
    else w.arrayLength(o.partitionStates.length);
    for (let i4 = 0; i4 < o.partitionStates.length; i4++) LeaderAndIsrPartitionState.write(w, v, o.partitionStates[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: LeaderAndIsrTopicState): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.topicName) : sizeOfString(o.topicName));
    if (v >= 5) {
      s += 16;
    }
    s += (v >= 4 ? sizeOfCompactLength(o.partitionStates.length) : 4);
    for (let i5 = 0; i5 < o.partitionStates.length; i5++) s += LeaderAndIsrPartitionState.size(v, o.partitionStates[i5]!);
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
  static isDefault(o: LeaderAndIsrTopicState): boolean {
    return (o.topicName === "") &&
      (o.topicId === ZERO_UUID) &&
      (o.partitionStates.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class LeaderAndIsrPartitionState {
  /** The topic name.  This is only present in v0 or v1. Versions 0-1. */
  topicName: string = "";
  /** The partition index. Versions 0-7. */
  partitionIndex: number = 0;
  /** The controller epoch. Versions 0-7. */
  controllerEpoch: number = 0;
  /** The broker ID of the leader. Versions 0-7. */
  leader: number = 0;
  /** The leader epoch. Versions 0-7. */
  leaderEpoch: number = 0;
  /** The in-sync replica IDs. Versions 0-7. */
  isr: number[] = [];
  /** The current epoch for the partition. The epoch is a monotonically increasing value which is incremented after every partition change. (Since the LeaderAndIsr request is only used by the legacy controller, this corresponds to the zkVersion) Versions 0-7. */
  partitionEpoch: number = 0;
  /** The replica IDs. Versions 0-7. */
  replicas: number[] = [];
  /** The replica IDs that we are adding this partition to, or null if no replicas are being added. Versions 3-7. */
  addingReplicas: number[] = [];
  /** The replica IDs that we are removing this partition from, or null if no replicas are being removed. Versions 3-7. */
  removingReplicas: number[] = [];
  /** Whether the replica should have existed on the broker or not. Versions 1-7. */
  isNew: boolean = false;
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. Versions 6-7. */
  leaderRecoveryState: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaderAndIsrPartitionState {
    const o = new LeaderAndIsrPartitionState();
    const flexible = v >= 4;
    if (v <= 1) {
      o.topicName = r.string();
    }
    o.partitionIndex = r.int32();
    o.controllerEpoch = r.int32();
    o.leader = r.int32();
    o.leaderEpoch = r.int32();
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Isr was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.isr = a2;
    }
    o.partitionEpoch = r.int32();
    const n4 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n4 < 0) {
      r.fail('non-nullable field Replicas was null');
    } else {
      const a5: number[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(r.int32());
      o.replicas = a5;
    }
    if (v >= 3) {
      const n7 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
      if (n7 < 0) {
        r.fail('non-nullable field AddingReplicas was null');
      } else {
        const a8: number[] = [];
        for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(r.int32());
        o.addingReplicas = a8;
      }
    }
    if (v >= 3) {
      const n10 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
      if (n10 < 0) {
        r.fail('non-nullable field RemovingReplicas was null');
      } else {
        const a11: number[] = [];
        for (let i12 = 0; i12 < n10 && r.error === null; i12++) a11.push(r.int32());
        o.removingReplicas = a11;
      }
    }
    if (v >= 1) {
      o.isNew = r.bool();
    }
    if (v >= 6) {
      o.leaderRecoveryState = r.int8();
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

  static write(w: Writer, v: number, o: LeaderAndIsrPartitionState): void {
    const flexible = v >= 4;
    if (v <= 1) {
      w.string(o.topicName);
    }
    w.int32(o.partitionIndex);
    w.int32(o.controllerEpoch);
    w.int32(o.leader);
    w.int32(o.leaderEpoch);
    if (v >= 4) w.compactArrayLength(o.isr.length);
    else w.arrayLength(o.isr.length);
    for (let i13 = 0; i13 < o.isr.length; i13++) w.int32(o.isr[i13]!);
    w.int32(o.partitionEpoch);
    if (v >= 4) w.compactArrayLength(o.replicas.length);
    else w.arrayLength(o.replicas.length);
    for (let i14 = 0; i14 < o.replicas.length; i14++) w.int32(o.replicas[i14]!);
    if (v >= 3) {
      if (v >= 4) w.compactArrayLength(o.addingReplicas.length);
      else w.arrayLength(o.addingReplicas.length);
      for (let i15 = 0; i15 < o.addingReplicas.length; i15++) w.int32(o.addingReplicas[i15]!);
    }
    if (v >= 3) {
      if (v >= 4) w.compactArrayLength(o.removingReplicas.length);
      else w.arrayLength(o.removingReplicas.length);
      for (let i16 = 0; i16 < o.removingReplicas.length; i16++) w.int32(o.removingReplicas[i16]!);
    }
    if (v >= 1) {
      w.bool(o.isNew);
    }
    if (v >= 6) {
      w.int8(o.leaderRecoveryState);
    }
    if (!(v >= 6)) {
      if (!(o.leaderRecoveryState === 0)) throw fieldNotSupported('LeaderRecoveryState', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: LeaderAndIsrPartitionState): number {
    let s = 0;
    const flexible = v >= 4;
    if (v <= 1) {
      s += sizeOfString(o.topicName);
    }
    s += 4;
    s += 4;
    s += 4;
    s += 4;
    s += (v >= 4 ? sizeOfCompactLength(o.isr.length) : 4) + o.isr.length * 4;
    s += 4;
    s += (v >= 4 ? sizeOfCompactLength(o.replicas.length) : 4) + o.replicas.length * 4;
    if (v >= 3) {
      s += (v >= 4 ? sizeOfCompactLength(o.addingReplicas.length) : 4) + o.addingReplicas.length * 4;
    }
    if (v >= 3) {
      s += (v >= 4 ? sizeOfCompactLength(o.removingReplicas.length) : 4) + o.removingReplicas.length * 4;
    }
    if (v >= 1) {
      s += 1;
    }
    if (v >= 6) {
      s += 1;
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
  static isDefault(o: LeaderAndIsrPartitionState): boolean {
    return (o.topicName === "") &&
      (o.partitionIndex === 0) &&
      (o.controllerEpoch === 0) &&
      (o.leader === 0) &&
      (o.leaderEpoch === 0) &&
      (o.isr.length === 0) &&
      (o.partitionEpoch === 0) &&
      (o.replicas.length === 0) &&
      (o.addingReplicas.length === 0) &&
      (o.removingReplicas.length === 0) &&
      (o.isNew === false) &&
      (o.leaderRecoveryState === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** LeaderAndIsrRequest: versions 0-7, flexible 4+. */
export class LeaderAndIsrRequest {
  static readonly messageName = 'LeaderAndIsrRequest';
  static readonly apiKey = 4;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 7;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The current controller ID. Versions 0-7. */
  controllerId: number = 0;
  /** If KRaft controller id is used during migration. See KIP-866 Versions 7-7. */
  isKRaftController: boolean = false;
  /** The current controller epoch. Versions 0-7. */
  controllerEpoch: number = 0;
  /** The current broker epoch. Versions 2-7. */
  brokerEpoch: bigint = -1n;
  /** The type that indicates whether all topics are included in the request Versions 5-7. */
  type: number = 0;
  /** The state of each partition, in a v0 or v1 message. Versions 0-1. */
  ungroupedPartitionStates: LeaderAndIsrPartitionState[] = [];
  /** Each topic. Versions 2-7. */
  topicStates: LeaderAndIsrTopicState[] = [];
  /** The current live leaders. Versions 0-7. */
  liveLeaders: LeaderAndIsrLiveLeader[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaderAndIsrRequest {
    const o = new LeaderAndIsrRequest();
    const flexible = v >= 4;
    o.controllerId = r.int32();
    if (v >= 7) {
      o.isKRaftController = r.bool();
    }
    o.controllerEpoch = r.int32();
    if (v >= 2) {
      o.brokerEpoch = r.int64();
    }
    if (v >= 5) {
      o.type = r.int8();
    }
    if (v <= 1) {
      const n1 = r.arrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field UngroupedPartitionStates was null');
      } else {
        const a2: LeaderAndIsrPartitionState[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(LeaderAndIsrPartitionState.read(r, v));
        o.ungroupedPartitionStates = a2;
      }
    }
    if (v >= 2) {
      const n4 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
      if (n4 < 0) {
        r.fail('non-nullable field TopicStates was null');
      } else {
        const a5: LeaderAndIsrTopicState[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(LeaderAndIsrTopicState.read(r, v));
        o.topicStates = a5;
      }
    }
    const n7 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n7 < 0) {
      r.fail('non-nullable field LiveLeaders was null');
    } else {
      const a8: LeaderAndIsrLiveLeader[] = [];
      for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(LeaderAndIsrLiveLeader.read(r, v));
      o.liveLeaders = a8;
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

  static write(w: Writer, v: number, o: LeaderAndIsrRequest): void {
    const flexible = v >= 4;
    w.int32(o.controllerId);
    if (v >= 7) {
      w.bool(o.isKRaftController);
    }
    if (!(v >= 7)) {
      if (!(o.isKRaftController === false)) throw fieldNotSupported('isKRaftController', v);
    }
    w.int32(o.controllerEpoch);
    if (v >= 2) {
      w.int64(o.brokerEpoch);
    }
    if (v >= 5) {
      w.int8(o.type);
    }
    if (!(v >= 5)) {
      if (!(o.type === 0)) throw fieldNotSupported('Type', v);
    }
    if (v <= 1) {
      w.arrayLength(o.ungroupedPartitionStates.length);
      for (let i10 = 0; i10 < o.ungroupedPartitionStates.length; i10++) LeaderAndIsrPartitionState.write(w, v, o.ungroupedPartitionStates[i10]!);
    }
    if (!(v <= 1)) {
      if (!(o.ungroupedPartitionStates.length === 0)) throw fieldNotSupported('UngroupedPartitionStates', v);
    }
    if (v >= 2) {
      if (v >= 4) w.compactArrayLength(o.topicStates.length);
      else w.arrayLength(o.topicStates.length);
      for (let i11 = 0; i11 < o.topicStates.length; i11++) LeaderAndIsrTopicState.write(w, v, o.topicStates[i11]!);
    }
    if (!(v >= 2)) {
      if (!(o.topicStates.length === 0)) throw fieldNotSupported('TopicStates', v);
    }
    if (v >= 4) w.compactArrayLength(o.liveLeaders.length);
    else w.arrayLength(o.liveLeaders.length);
    for (let i12 = 0; i12 < o.liveLeaders.length; i12++) LeaderAndIsrLiveLeader.write(w, v, o.liveLeaders[i12]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: LeaderAndIsrRequest): number {
    let s = 0;
    const flexible = v >= 4;
    s += 4;
    if (v >= 7) {
      s += 1;
    }
    s += 4;
    if (v >= 2) {
      s += 8;
    }
    if (v >= 5) {
      s += 1;
    }
    if (v <= 1) {
      s += 4;
      for (let i13 = 0; i13 < o.ungroupedPartitionStates.length; i13++) s += LeaderAndIsrPartitionState.size(v, o.ungroupedPartitionStates[i13]!);
    }
    if (v >= 2) {
      s += (v >= 4 ? sizeOfCompactLength(o.topicStates.length) : 4);
      for (let i14 = 0; i14 < o.topicStates.length; i14++) s += LeaderAndIsrTopicState.size(v, o.topicStates[i14]!);
    }
    s += (v >= 4 ? sizeOfCompactLength(o.liveLeaders.length) : 4);
    for (let i15 = 0; i15 < o.liveLeaders.length; i15++) s += LeaderAndIsrLiveLeader.size(v, o.liveLeaders[i15]!);
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
  static isDefault(o: LeaderAndIsrRequest): boolean {
    return (o.controllerId === 0) &&
      (o.isKRaftController === false) &&
      (o.controllerEpoch === 0) &&
      (o.brokerEpoch === -1n) &&
      (o.type === 0) &&
      (o.ungroupedPartitionStates.length === 0) &&
      (o.topicStates.length === 0) &&
      (o.liveLeaders.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
