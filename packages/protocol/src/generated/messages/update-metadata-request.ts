// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/UpdateMetadataRequest.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class UpdateMetadataEndpoint {
  /** The port of this endpoint Versions 1-8. */
  port: number = 0;
  /** The hostname of this endpoint Versions 1-8. */
  host: string = "";
  /** The listener name. Versions 3-8. */
  listener: string = "";
  /** The security protocol type. Versions 1-8. */
  securityProtocol: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): UpdateMetadataEndpoint {
    const o = new UpdateMetadataEndpoint();
    const flexible = v >= 6;
    o.port = r.int32();
    o.host = (v >= 6 ? r.compactString() : r.string());
    if (v >= 3) {
      o.listener = (v >= 6 ? r.compactString() : r.string());
    }
    o.securityProtocol = r.int16();
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

  static write(w: Writer, v: number, o: UpdateMetadataEndpoint): void {
    const flexible = v >= 6;
    w.int32(o.port);
    if (v >= 6) w.compactString(o.host);
    else w.string(o.host);
    if (v >= 3) {
      if (v >= 6) w.compactString(o.listener);
      else w.string(o.listener);
    }
    w.int16(o.securityProtocol);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: UpdateMetadataEndpoint): number {
    let s = 0;
    const flexible = v >= 6;
    s += 4;
    s += (v >= 6 ? sizeOfCompactString(o.host) : sizeOfString(o.host));
    if (v >= 3) {
      s += (v >= 6 ? sizeOfCompactString(o.listener) : sizeOfString(o.listener));
    }
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
  static isDefault(o: UpdateMetadataEndpoint): boolean {
    return (o.port === 0) &&
      (o.host === "") &&
      (o.listener === "") &&
      (o.securityProtocol === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class UpdateMetadataBroker {
  /** The broker id. Versions 0-8. */
  id: number = 0;
  /** The broker hostname. Versions 0-0. */
  v0Host: string = "";
  /** The broker port. Versions 0-0. */
  v0Port: number = 0;
  /** The broker endpoints. Versions 1-8. */
  endpoints: UpdateMetadataEndpoint[] = [];
  /** The rack which this broker belongs to. Versions 2-8. */
  rack: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): UpdateMetadataBroker {
    const o = new UpdateMetadataBroker();
    const flexible = v >= 6;
    o.id = r.int32();
    if (v <= 0) {
      o.v0Host = r.string();
    }
    if (v <= 0) {
      o.v0Port = r.int32();
    }
    if (v >= 1) {
      const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
      if (n1 < 0) {
        r.fail('non-nullable field Endpoints was null');
      } else {
        const a2: UpdateMetadataEndpoint[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(UpdateMetadataEndpoint.read(r, v));
        o.endpoints = a2;
      }
    }
    if (v >= 2) {
      o.rack = (v >= 6 ? r.compactNullableString() : r.nullableString());
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

  static write(w: Writer, v: number, o: UpdateMetadataBroker): void {
    const flexible = v >= 6;
    w.int32(o.id);
    if (v <= 0) {
      w.string(o.v0Host);
    }
    if (v <= 0) {
      w.int32(o.v0Port);
    }
    if (v >= 1) {
      if (v >= 6) w.compactArrayLength(o.endpoints.length);
      else w.arrayLength(o.endpoints.length);
      for (let i4 = 0; i4 < o.endpoints.length; i4++) UpdateMetadataEndpoint.write(w, v, o.endpoints[i4]!);
    }
    if (v >= 2) {
      if (v >= 6) w.compactNullableString(o.rack);
      else w.nullableString(o.rack);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: UpdateMetadataBroker): number {
    let s = 0;
    const flexible = v >= 6;
    s += 4;
    if (v <= 0) {
      s += sizeOfString(o.v0Host);
    }
    if (v <= 0) {
      s += 4;
    }
    if (v >= 1) {
      s += (v >= 6 ? sizeOfCompactLength(o.endpoints.length) : 4);
      for (let i5 = 0; i5 < o.endpoints.length; i5++) s += UpdateMetadataEndpoint.size(v, o.endpoints[i5]!);
    }
    if (v >= 2) {
      s += (o.rack === null ? (v >= 6 ? 1 : 2) : (v >= 6 ? sizeOfCompactString(o.rack) : sizeOfString(o.rack)));
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
  static isDefault(o: UpdateMetadataBroker): boolean {
    return (o.id === 0) &&
      (o.v0Host === "") &&
      (o.v0Port === 0) &&
      (o.endpoints.length === 0) &&
      (o.rack === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class UpdateMetadataTopicState {
  /** The topic name. Versions 5-8. */
  topicName: string = "";
  /** The topic id. Versions 7-8. */
  topicId: Uuid = ZERO_UUID;
  /** The partition that we would like to update. Versions 5-8. */
  partitionStates: UpdateMetadataPartitionState[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): UpdateMetadataTopicState {
    const o = new UpdateMetadataTopicState();
    const flexible = v >= 6;
    o.topicName = (v >= 6 ? r.compactString() : r.string());
    if (v >= 7) {
      o.topicId = r.uuid();
    }
    const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field PartitionStates was null');
    } else {
      const a2: UpdateMetadataPartitionState[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(UpdateMetadataPartitionState.read(r, v));
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

  static write(w: Writer, v: number, o: UpdateMetadataTopicState): void {
    const flexible = v >= 6;
    if (v >= 6) w.compactString(o.topicName);
    else w.string(o.topicName);
    if (v >= 7) {
      w.uuid(o.topicId);
    }
    if (v >= 6) w.compactArrayLength(o.partitionStates.length);
    else w.arrayLength(o.partitionStates.length);
    for (let i4 = 0; i4 < o.partitionStates.length; i4++) UpdateMetadataPartitionState.write(w, v, o.partitionStates[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: UpdateMetadataTopicState): number {
    let s = 0;
    const flexible = v >= 6;
    s += (v >= 6 ? sizeOfCompactString(o.topicName) : sizeOfString(o.topicName));
    if (v >= 7) {
      s += 16;
    }
    s += (v >= 6 ? sizeOfCompactLength(o.partitionStates.length) : 4);
    for (let i5 = 0; i5 < o.partitionStates.length; i5++) s += UpdateMetadataPartitionState.size(v, o.partitionStates[i5]!);
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
  static isDefault(o: UpdateMetadataTopicState): boolean {
    return (o.topicName === "") &&
      (o.topicId === ZERO_UUID) &&
      (o.partitionStates.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class UpdateMetadataPartitionState {
  /** In older versions of this RPC, the topic name. Versions 0-4. */
  topicName: string = "";
  /** The partition index. Versions 0-8. */
  partitionIndex: number = 0;
  /** The controller epoch. Versions 0-8. */
  controllerEpoch: number = 0;
  /** The ID of the broker which is the current partition leader. Versions 0-8. */
  leader: number = 0;
  /** The leader epoch of this partition. Versions 0-8. */
  leaderEpoch: number = 0;
  /** The brokers which are in the ISR for this partition. Versions 0-8. */
  isr: number[] = [];
  /** The Zookeeper version. Versions 0-8. */
  zkVersion: number = 0;
  /** All the replicas of this partition. Versions 0-8. */
  replicas: number[] = [];
  /** The replicas of this partition which are offline. Versions 4-8. */
  offlineReplicas: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): UpdateMetadataPartitionState {
    const o = new UpdateMetadataPartitionState();
    const flexible = v >= 6;
    if (v <= 4) {
      o.topicName = r.string();
    }
    o.partitionIndex = r.int32();
    o.controllerEpoch = r.int32();
    o.leader = r.int32();
    o.leaderEpoch = r.int32();
    const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Isr was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.isr = a2;
    }
    o.zkVersion = r.int32();
    const n4 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n4 < 0) {
      r.fail('non-nullable field Replicas was null');
    } else {
      const a5: number[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(r.int32());
      o.replicas = a5;
    }
    if (v >= 4) {
      const n7 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
      if (n7 < 0) {
        r.fail('non-nullable field OfflineReplicas was null');
      } else {
        const a8: number[] = [];
        for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(r.int32());
        o.offlineReplicas = a8;
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

  static write(w: Writer, v: number, o: UpdateMetadataPartitionState): void {
    const flexible = v >= 6;
    if (v <= 4) {
      w.string(o.topicName);
    }
    w.int32(o.partitionIndex);
    w.int32(o.controllerEpoch);
    w.int32(o.leader);
    w.int32(o.leaderEpoch);
    if (v >= 6) w.compactArrayLength(o.isr.length);
    else w.arrayLength(o.isr.length);
    for (let i10 = 0; i10 < o.isr.length; i10++) w.int32(o.isr[i10]!);
    w.int32(o.zkVersion);
    if (v >= 6) w.compactArrayLength(o.replicas.length);
    else w.arrayLength(o.replicas.length);
    for (let i11 = 0; i11 < o.replicas.length; i11++) w.int32(o.replicas[i11]!);
    if (v >= 4) {
      if (v >= 6) w.compactArrayLength(o.offlineReplicas.length);
      else w.arrayLength(o.offlineReplicas.length);
      for (let i12 = 0; i12 < o.offlineReplicas.length; i12++) w.int32(o.offlineReplicas[i12]!);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: UpdateMetadataPartitionState): number {
    let s = 0;
    const flexible = v >= 6;
    if (v <= 4) {
      s += sizeOfString(o.topicName);
    }
    s += 4;
    s += 4;
    s += 4;
    s += 4;
    s += (v >= 6 ? sizeOfCompactLength(o.isr.length) : 4) + o.isr.length * 4;
    s += 4;
    s += (v >= 6 ? sizeOfCompactLength(o.replicas.length) : 4) + o.replicas.length * 4;
    if (v >= 4) {
      s += (v >= 6 ? sizeOfCompactLength(o.offlineReplicas.length) : 4) + o.offlineReplicas.length * 4;
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
  static isDefault(o: UpdateMetadataPartitionState): boolean {
    return (o.topicName === "") &&
      (o.partitionIndex === 0) &&
      (o.controllerEpoch === 0) &&
      (o.leader === 0) &&
      (o.leaderEpoch === 0) &&
      (o.isr.length === 0) &&
      (o.zkVersion === 0) &&
      (o.replicas.length === 0) &&
      (o.offlineReplicas.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** UpdateMetadataRequest: versions 0-8, flexible 6+. */
export class UpdateMetadataRequest {
  static readonly messageName = 'UpdateMetadataRequest';
  static readonly apiKey = 6;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 8;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 6;

  /** The controller id. Versions 0-8. */
  controllerId: number = 0;
  /** If KRaft controller id is used during migration. See KIP-866 Versions 8-8. */
  isKRaftController: boolean = false;
  /** Indicates if this request is a Full metadata snapshot (2), Incremental (1), or Unknown (0). Using during ZK migration, see KIP-866 Versions 8-8. Tag 0. */
  type: number = 0;
  /** The controller epoch. Versions 0-8. */
  controllerEpoch: number = 0;
  /** The broker epoch. Versions 5-8. */
  brokerEpoch: bigint = -1n;
  /** In older versions of this RPC, each partition that we would like to update. Versions 0-4. */
  ungroupedPartitionStates: UpdateMetadataPartitionState[] = [];
  /** In newer versions of this RPC, each topic that we would like to update. Versions 5-8. */
  topicStates: UpdateMetadataTopicState[] = [];
  /** Versions 0-8. */
  liveBrokers: UpdateMetadataBroker[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): UpdateMetadataRequest {
    const o = new UpdateMetadataRequest();
    const flexible = v >= 6;
    o.controllerId = r.int32();
    if (v >= 8) {
      o.isKRaftController = r.bool();
    }
    o.controllerEpoch = r.int32();
    if (v >= 5) {
      o.brokerEpoch = r.int64();
    }
    if (v <= 4) {
      const n1 = r.arrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field UngroupedPartitionStates was null');
      } else {
        const a2: UpdateMetadataPartitionState[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(UpdateMetadataPartitionState.read(r, v));
        o.ungroupedPartitionStates = a2;
      }
    }
    if (v >= 5) {
      const n4 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
      if (n4 < 0) {
        r.fail('non-nullable field TopicStates was null');
      } else {
        const a5: UpdateMetadataTopicState[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(UpdateMetadataTopicState.read(r, v));
        o.topicStates = a5;
      }
    }
    const n7 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n7 < 0) {
      r.fail('non-nullable field LiveBrokers was null');
    } else {
      const a8: UpdateMetadataBroker[] = [];
      for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(UpdateMetadataBroker.read(r, v));
      o.liveBrokers = a8;
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        const start = r.pos;
        if (tag === 0 && v >= 8) {
          o.type = r.int8();
        } else {
          (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
          continue;
        }
        if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: UpdateMetadataRequest): void {
    const flexible = v >= 6;
    w.int32(o.controllerId);
    if (v >= 8) {
      w.bool(o.isKRaftController);
    }
    if (!(v >= 8)) {
      if (!(o.isKRaftController === false)) throw fieldNotSupported('isKRaftController', v);
    }
    if (!(v >= 8)) {
      if (!(o.type === 0)) throw fieldNotSupported('Type', v);
    }
    w.int32(o.controllerEpoch);
    if (v >= 5) {
      w.int64(o.brokerEpoch);
    }
    if (v <= 4) {
      w.arrayLength(o.ungroupedPartitionStates.length);
      for (let i10 = 0; i10 < o.ungroupedPartitionStates.length; i10++) UpdateMetadataPartitionState.write(w, v, o.ungroupedPartitionStates[i10]!);
    }
    if (!(v <= 4)) {
      if (!(o.ungroupedPartitionStates.length === 0)) throw fieldNotSupported('UngroupedPartitionStates', v);
    }
    if (v >= 5) {
      if (v >= 6) w.compactArrayLength(o.topicStates.length);
      else w.arrayLength(o.topicStates.length);
      for (let i11 = 0; i11 < o.topicStates.length; i11++) UpdateMetadataTopicState.write(w, v, o.topicStates[i11]!);
    }
    if (!(v >= 5)) {
      if (!(o.topicStates.length === 0)) throw fieldNotSupported('TopicStates', v);
    }
    if (v >= 6) w.compactArrayLength(o.liveBrokers.length);
    else w.arrayLength(o.liveBrokers.length);
    for (let i12 = 0; i12 < o.liveBrokers.length; i12++) UpdateMetadataBroker.write(w, v, o.liveBrokers[i12]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      const has16 = v >= 8 && !(o.type === 0);
      if (has16) count++;
      w.unsignedVarint(count);
      let ui = 0;
      if (has16) {
        ui = writeTaggedFieldsBelow(w, u, ui, 0);
        w.unsignedVarint(0);
        let size17 = 0;
        size17 += 1;
        w.unsignedVarint(size17);
        w.int8(o.type);
      }
      writeTaggedFieldsBelow(w, u, ui, Infinity);
    }
  }

  static size(v: number, o: UpdateMetadataRequest): number {
    let s = 0;
    const flexible = v >= 6;
    s += 4;
    if (v >= 8) {
      s += 1;
    }
    s += 4;
    if (v >= 5) {
      s += 8;
    }
    if (v <= 4) {
      s += 4;
      for (let i13 = 0; i13 < o.ungroupedPartitionStates.length; i13++) s += UpdateMetadataPartitionState.size(v, o.ungroupedPartitionStates[i13]!);
    }
    if (v >= 5) {
      s += (v >= 6 ? sizeOfCompactLength(o.topicStates.length) : 4);
      for (let i14 = 0; i14 < o.topicStates.length; i14++) s += UpdateMetadataTopicState.size(v, o.topicStates[i14]!);
    }
    s += (v >= 6 ? sizeOfCompactLength(o.liveBrokers.length) : 4);
    for (let i15 = 0; i15 < o.liveBrokers.length; i15++) s += UpdateMetadataBroker.size(v, o.liveBrokers[i15]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      if (v >= 8 && !(o.type === 0)) {
        count++;
        let size18 = 0;
        size18 += 1;
        s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size18) + size18;
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: UpdateMetadataRequest): boolean {
    return (o.controllerId === 0) &&
      (o.isKRaftController === false) &&
      (o.type === 0) &&
      (o.controllerEpoch === 0) &&
      (o.brokerEpoch === -1n) &&
      (o.ungroupedPartitionStates.length === 0) &&
      (o.topicStates.length === 0) &&
      (o.liveBrokers.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
