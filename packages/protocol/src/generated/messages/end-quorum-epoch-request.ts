// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/EndQuorumEpochRequest.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class LeaderEndpoint {
  /** The name of the endpoint Versions 1-1. */
  name: string = "";
  /** The node's hostname Versions 1-1. */
  host: string = "";
  /** The node's port Versions 1-1. */
  port: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaderEndpoint {
    const o = new LeaderEndpoint();
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

  static write(w: Writer, v: number, o: LeaderEndpoint): void {
    w.compactString(o.name);
    w.compactString(o.host);
    w.uint16(o.port);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: LeaderEndpoint): number {
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
  static isDefault(o: LeaderEndpoint): boolean {
    return (o.name === "") &&
      (o.host === "") &&
      (o.port === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ReplicaInfo {
  /** Versions 1-1. */
  candidateId: number = 0;
  /** Versions 1-1. */
  candidateDirectoryId: Uuid = ZERO_UUID;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ReplicaInfo {
    const o = new ReplicaInfo();
    o.candidateId = r.int32();
    o.candidateDirectoryId = r.uuid();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ReplicaInfo): void {
    w.int32(o.candidateId);
    w.uuid(o.candidateDirectoryId);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ReplicaInfo): number {
    let s = 0;
    s += 4;
    s += 16;
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
  static isDefault(o: ReplicaInfo): boolean {
    return (o.candidateId === 0) &&
      (o.candidateDirectoryId === ZERO_UUID) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class PartitionData {
  /** The partition index. Versions 0-1. */
  partitionIndex: number = 0;
  /** The current leader ID that is resigning Versions 0-1. */
  leaderId: number = 0;
  /** The current epoch Versions 0-1. */
  leaderEpoch: number = 0;
  /** A sorted list of preferred successors to start the election Versions 0-0. */
  preferredSuccessors: number[] = [];
  /** A sorted list of preferred candidates to start the election Versions 1-1. */
  preferredCandidates: ReplicaInfo[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionData {
    const o = new PartitionData();
    const flexible = v >= 1;
    o.partitionIndex = r.int32();
    o.leaderId = r.int32();
    o.leaderEpoch = r.int32();
    if (v <= 0) {
      const n1 = r.arrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field PreferredSuccessors was null');
      } else {
        const a2: number[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
        o.preferredSuccessors = a2;
      }
    }
    if (v >= 1) {
      const n4 = r.compactArrayLength();
      if (n4 < 0) {
        r.fail('non-nullable field PreferredCandidates was null');
      } else {
        const a5: ReplicaInfo[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(ReplicaInfo.read(r, v));
        o.preferredCandidates = a5;
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

  static write(w: Writer, v: number, o: PartitionData): void {
    const flexible = v >= 1;
    w.int32(o.partitionIndex);
    w.int32(o.leaderId);
    w.int32(o.leaderEpoch);
    if (v <= 0) {
      w.arrayLength(o.preferredSuccessors.length);
      for (let i7 = 0; i7 < o.preferredSuccessors.length; i7++) w.int32(o.preferredSuccessors[i7]!);
    }
    if (v >= 1) {
      w.compactArrayLength(o.preferredCandidates.length);
      for (let i8 = 0; i8 < o.preferredCandidates.length; i8++) ReplicaInfo.write(w, v, o.preferredCandidates[i8]!);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: PartitionData): number {
    let s = 0;
    const flexible = v >= 1;
    s += 4;
    s += 4;
    s += 4;
    if (v <= 0) {
      s += 4 + o.preferredSuccessors.length * 4;
    }
    if (v >= 1) {
      s += sizeOfCompactLength(o.preferredCandidates.length);
      for (let i9 = 0; i9 < o.preferredCandidates.length; i9++) s += ReplicaInfo.size(v, o.preferredCandidates[i9]!);
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
  static isDefault(o: PartitionData): boolean {
    return (o.partitionIndex === 0) &&
      (o.leaderId === 0) &&
      (o.leaderEpoch === 0) &&
      (o.preferredSuccessors.length === 0) &&
      (o.preferredCandidates.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicData {
  /** The topic name. Versions 0-1. */
  topicName: string = "";
  /** Versions 0-1. */
  partitions: PartitionData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicData {
    const o = new TopicData();
    const flexible = v >= 1;
    o.topicName = (v >= 1 ? r.compactString() : r.string());
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: PartitionData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionData.read(r, v));
      o.partitions = a2;
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

  static write(w: Writer, v: number, o: TopicData): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactString(o.topicName);
    else w.string(o.topicName);
    if (v >= 1) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionData.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TopicData): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactString(o.topicName) : sizeOfString(o.topicName));
    s += (v >= 1 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += PartitionData.size(v, o.partitions[i5]!);
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
  static isDefault(o: TopicData): boolean {
    return (o.topicName === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** EndQuorumEpochRequest: versions 0-1, flexible 1+. */
export class EndQuorumEpochRequest {
  static readonly messageName = 'EndQuorumEpochRequest';
  static readonly apiKey = 54;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 1;

  /** Versions 0-1. */
  clusterId: string | null = null;
  /** Versions 0-1. */
  topics: TopicData[] = [];
  /** Endpoints for the leader Versions 1-1. */
  leaderEndpoints: LeaderEndpoint[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): EndQuorumEpochRequest {
    const o = new EndQuorumEpochRequest();
    const flexible = v >= 1;
    o.clusterId = (v >= 1 ? r.compactNullableString() : r.nullableString());
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TopicData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicData.read(r, v));
      o.topics = a2;
    }
    if (v >= 1) {
      const n4 = r.compactArrayLength();
      if (n4 < 0) {
        r.fail('non-nullable field LeaderEndpoints was null');
      } else {
        const a5: LeaderEndpoint[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(LeaderEndpoint.read(r, v));
        o.leaderEndpoints = a5;
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

  static write(w: Writer, v: number, o: EndQuorumEpochRequest): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactNullableString(o.clusterId);
    else w.nullableString(o.clusterId);
    if (v >= 1) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i7 = 0; i7 < o.topics.length; i7++) TopicData.write(w, v, o.topics[i7]!);
    if (v >= 1) {
      w.compactArrayLength(o.leaderEndpoints.length);
      for (let i8 = 0; i8 < o.leaderEndpoints.length; i8++) LeaderEndpoint.write(w, v, o.leaderEndpoints[i8]!);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: EndQuorumEpochRequest): number {
    let s = 0;
    const flexible = v >= 1;
    s += (o.clusterId === null ? (v >= 1 ? 1 : 2) : (v >= 1 ? sizeOfCompactString(o.clusterId) : sizeOfString(o.clusterId)));
    s += (v >= 1 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i9 = 0; i9 < o.topics.length; i9++) s += TopicData.size(v, o.topics[i9]!);
    if (v >= 1) {
      s += sizeOfCompactLength(o.leaderEndpoints.length);
      for (let i10 = 0; i10 < o.leaderEndpoints.length; i10++) s += LeaderEndpoint.size(v, o.leaderEndpoints[i10]!);
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
  static isDefault(o: EndQuorumEpochRequest): boolean {
    return (o.clusterId === null) &&
      (o.topics.length === 0) &&
      (o.leaderEndpoints.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
