// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/MetadataResponse.json

import { ZERO_UUID, fieldNotSupported, nullNotAllowed, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class MetadataResponsePartition {
  /** The partition error, or 0 if there was no error. Versions 0-12. */
  errorCode: number = 0;
  /** The partition index. Versions 0-12. */
  partitionIndex: number = 0;
  /** The ID of the leader broker. Versions 0-12. */
  leaderId: number = 0;
  /** The leader epoch of this partition. Versions 7-12. */
  leaderEpoch: number = -1;
  /** The set of all nodes that host this partition. Versions 0-12. */
  replicaNodes: number[] = [];
  /** The set of nodes that are in sync with the leader for this partition. Versions 0-12. */
  isrNodes: number[] = [];
  /** The set of offline replicas of this partition. Versions 5-12. */
  offlineReplicas: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): MetadataResponsePartition {
    const o = new MetadataResponsePartition();
    const flexible = v >= 9;
    o.errorCode = r.int16();
    o.partitionIndex = r.int32();
    o.leaderId = r.int32();
    if (v >= 7) {
      o.leaderEpoch = r.int32();
    }
    const n1 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field ReplicaNodes was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.replicaNodes = a2;
    }
    const n4 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
    if (n4 < 0) {
      r.fail('non-nullable field IsrNodes was null');
    } else {
      const a5: number[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(r.int32());
      o.isrNodes = a5;
    }
    if (v >= 5) {
      const n7 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
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

  static write(w: Writer, v: number, o: MetadataResponsePartition): void {
    const flexible = v >= 9;
    w.int16(o.errorCode);
    w.int32(o.partitionIndex);
    w.int32(o.leaderId);
    if (v >= 7) {
      w.int32(o.leaderEpoch);
    }
    if (v >= 9) w.compactArrayLength(o.replicaNodes.length);
    else w.arrayLength(o.replicaNodes.length);
    for (let i10 = 0; i10 < o.replicaNodes.length; i10++) w.int32(o.replicaNodes[i10]!);
    if (v >= 9) w.compactArrayLength(o.isrNodes.length);
    else w.arrayLength(o.isrNodes.length);
    for (let i11 = 0; i11 < o.isrNodes.length; i11++) w.int32(o.isrNodes[i11]!);
    if (v >= 5) {
      if (v >= 9) w.compactArrayLength(o.offlineReplicas.length);
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

  static size(v: number, o: MetadataResponsePartition): number {
    let s = 0;
    const flexible = v >= 9;
    s += 2;
    s += 4;
    s += 4;
    if (v >= 7) {
      s += 4;
    }
    s += (v >= 9 ? sizeOfCompactLength(o.replicaNodes.length) : 4) + o.replicaNodes.length * 4;
    s += (v >= 9 ? sizeOfCompactLength(o.isrNodes.length) : 4) + o.isrNodes.length * 4;
    if (v >= 5) {
      s += (v >= 9 ? sizeOfCompactLength(o.offlineReplicas.length) : 4) + o.offlineReplicas.length * 4;
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
  static isDefault(o: MetadataResponsePartition): boolean {
    return (o.errorCode === 0) &&
      (o.partitionIndex === 0) &&
      (o.leaderId === 0) &&
      (o.leaderEpoch === -1) &&
      (o.replicaNodes.length === 0) &&
      (o.isrNodes.length === 0) &&
      (o.offlineReplicas.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class MetadataResponseTopic {
  /** The topic error, or 0 if there was no error. Versions 0-12. */
  errorCode: number = 0;
  /** The topic name. Null for non-existing topics queried by ID. This is never null when ErrorCode is zero. One of Name and TopicId is always populated. Versions 0-12. */
  name: string | null = "";
  /** The topic id. Zero for non-existing topics queried by name. This is never zero when ErrorCode is zero. One of Name and TopicId is always populated. Versions 10-12. */
  topicId: Uuid = ZERO_UUID;
  /** True if the topic is internal. Versions 1-12. */
  isInternal: boolean = false;
  /** Each partition in the topic. Versions 0-12. */
  partitions: MetadataResponsePartition[] = [];
  /** 32-bit bitfield to represent authorized operations for this topic. Versions 8-12. */
  topicAuthorizedOperations: number = -2147483648;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): MetadataResponseTopic {
    const o = new MetadataResponseTopic();
    const flexible = v >= 9;
    o.errorCode = r.int16();
    o.name = (v >= 12 ? (v >= 9 ? r.compactNullableString() : r.nullableString()) : (v >= 9 ? r.compactString() : r.string()));
    if (v >= 10) {
      o.topicId = r.uuid();
    }
    if (v >= 1) {
      o.isInternal = r.bool();
    }
    const n1 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: MetadataResponsePartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(MetadataResponsePartition.read(r, v));
      o.partitions = a2;
    }
    if (v >= 8) {
      o.topicAuthorizedOperations = r.int32();
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

  static write(w: Writer, v: number, o: MetadataResponseTopic): void {
    const flexible = v >= 9;
    w.int16(o.errorCode);
    if (!(v >= 12)) {
      if (o.name === null) throw nullNotAllowed('Name', v);
    }
    if (v >= 12) {
      if (v >= 9) w.compactNullableString(o.name);
      else w.nullableString(o.name);
    } else {
      if (v >= 9) w.compactString(o.name!);
      else w.string(o.name!);
    }
    if (v >= 10) {
      w.uuid(o.topicId);
    }
    if (v >= 1) {
      w.bool(o.isInternal);
    }
    if (v >= 9) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) MetadataResponsePartition.write(w, v, o.partitions[i4]!);
    if (v >= 8) {
      w.int32(o.topicAuthorizedOperations);
    }
    if (!(v >= 8)) {
      if (!(o.topicAuthorizedOperations === -2147483648)) throw fieldNotSupported('TopicAuthorizedOperations', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: MetadataResponseTopic): number {
    let s = 0;
    const flexible = v >= 9;
    s += 2;
    s += (o.name === null ? (v >= 9 ? 1 : 2) : (v >= 9 ? sizeOfCompactString(o.name) : sizeOfString(o.name)));
    if (v >= 10) {
      s += 16;
    }
    if (v >= 1) {
      s += 1;
    }
    s += (v >= 9 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += MetadataResponsePartition.size(v, o.partitions[i5]!);
    if (v >= 8) {
      s += 4;
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
  static isDefault(o: MetadataResponseTopic): boolean {
    return (o.errorCode === 0) &&
      (o.name === "") &&
      (o.topicId === ZERO_UUID) &&
      (o.isInternal === false) &&
      (o.partitions.length === 0) &&
      (o.topicAuthorizedOperations === -2147483648) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class MetadataResponseBroker {
  /** The broker ID. Versions 0-12. */
  nodeId: number = 0;
  /** The broker hostname. Versions 0-12. */
  host: string = "";
  /** The broker port. Versions 0-12. */
  port: number = 0;
  /** The rack of the broker, or null if it has not been assigned to a rack. Versions 1-12. */
  rack: string | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): MetadataResponseBroker {
    const o = new MetadataResponseBroker();
    const flexible = v >= 9;
    o.nodeId = r.int32();
    o.host = (v >= 9 ? r.compactString() : r.string());
    o.port = r.int32();
    if (v >= 1) {
      o.rack = (v >= 9 ? r.compactNullableString() : r.nullableString());
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

  static write(w: Writer, v: number, o: MetadataResponseBroker): void {
    const flexible = v >= 9;
    w.int32(o.nodeId);
    if (v >= 9) w.compactString(o.host);
    else w.string(o.host);
    w.int32(o.port);
    if (v >= 1) {
      if (v >= 9) w.compactNullableString(o.rack);
      else w.nullableString(o.rack);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: MetadataResponseBroker): number {
    let s = 0;
    const flexible = v >= 9;
    s += 4;
    s += (v >= 9 ? sizeOfCompactString(o.host) : sizeOfString(o.host));
    s += 4;
    if (v >= 1) {
      s += (o.rack === null ? (v >= 9 ? 1 : 2) : (v >= 9 ? sizeOfCompactString(o.rack) : sizeOfString(o.rack)));
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
  static isDefault(o: MetadataResponseBroker): boolean {
    return (o.nodeId === 0) &&
      (o.host === "") &&
      (o.port === 0) &&
      (o.rack === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** MetadataResponse: versions 0-12, flexible 9+. */
export class MetadataResponse {
  static readonly messageName = 'MetadataResponse';
  static readonly apiKey = 3;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 12;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 9;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 3-12. */
  throttleTimeMs: number = 0;
  /** A list of brokers present in the cluster. Versions 0-12. */
  brokers: MetadataResponseBroker[] = [];
  /** The cluster ID that responding broker belongs to. Versions 2-12. */
  clusterId: string | null = null;
  /** The ID of the controller broker. Versions 1-12. */
  controllerId: number = -1;
  /** Each topic in the response. Versions 0-12. */
  topics: MetadataResponseTopic[] = [];
  /** 32-bit bitfield to represent authorized operations for this cluster. Versions 8-10. */
  clusterAuthorizedOperations: number = -2147483648;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): MetadataResponse {
    const o = new MetadataResponse();
    const flexible = v >= 9;
    if (v >= 3) {
      o.throttleTimeMs = r.int32();
    }
    const n1 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Brokers was null');
    } else {
      const a2: MetadataResponseBroker[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(MetadataResponseBroker.read(r, v));
      o.brokers = a2;
    }
    if (v >= 2) {
      o.clusterId = (v >= 9 ? r.compactNullableString() : r.nullableString());
    }
    if (v >= 1) {
      o.controllerId = r.int32();
    }
    const n4 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
    if (n4 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a5: MetadataResponseTopic[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(MetadataResponseTopic.read(r, v));
      o.topics = a5;
    }
    if (v >= 8 && v <= 10) {
      o.clusterAuthorizedOperations = r.int32();
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

  static write(w: Writer, v: number, o: MetadataResponse): void {
    const flexible = v >= 9;
    if (v >= 3) {
      w.int32(o.throttleTimeMs);
    }
    if (v >= 9) w.compactArrayLength(o.brokers.length);
    else w.arrayLength(o.brokers.length);
    for (let i7 = 0; i7 < o.brokers.length; i7++) MetadataResponseBroker.write(w, v, o.brokers[i7]!);
    if (v >= 2) {
      if (v >= 9) w.compactNullableString(o.clusterId);
      else w.nullableString(o.clusterId);
    }
    if (v >= 1) {
      w.int32(o.controllerId);
    }
    if (v >= 9) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i8 = 0; i8 < o.topics.length; i8++) MetadataResponseTopic.write(w, v, o.topics[i8]!);
    if (v >= 8 && v <= 10) {
      w.int32(o.clusterAuthorizedOperations);
    }
    if (!(v >= 8 && v <= 10)) {
      if (!(o.clusterAuthorizedOperations === -2147483648)) throw fieldNotSupported('ClusterAuthorizedOperations', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: MetadataResponse): number {
    let s = 0;
    const flexible = v >= 9;
    if (v >= 3) {
      s += 4;
    }
    s += (v >= 9 ? sizeOfCompactLength(o.brokers.length) : 4);
    for (let i9 = 0; i9 < o.brokers.length; i9++) s += MetadataResponseBroker.size(v, o.brokers[i9]!);
    if (v >= 2) {
      s += (o.clusterId === null ? (v >= 9 ? 1 : 2) : (v >= 9 ? sizeOfCompactString(o.clusterId) : sizeOfString(o.clusterId)));
    }
    if (v >= 1) {
      s += 4;
    }
    s += (v >= 9 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i10 = 0; i10 < o.topics.length; i10++) s += MetadataResponseTopic.size(v, o.topics[i10]!);
    if (v >= 8 && v <= 10) {
      s += 4;
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
  static isDefault(o: MetadataResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.brokers.length === 0) &&
      (o.clusterId === null) &&
      (o.controllerId === -1) &&
      (o.topics.length === 0) &&
      (o.clusterAuthorizedOperations === -2147483648) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
