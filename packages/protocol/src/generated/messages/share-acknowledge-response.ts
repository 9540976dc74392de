// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ShareAcknowledgeResponse.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class NodeEndpoint {
  /** The ID of the associated node. Versions 0-0. */
  nodeId: number = 0;
  /** The node's hostname. Versions 0-0. */
  host: string = "";
  /** The node's port. Versions 0-0. */
  port: number = 0;
  /** The rack of the node, or null if it has not been assigned to a rack. Versions 0-0. */
  rack: string | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): NodeEndpoint {
    const o = new NodeEndpoint();
    o.nodeId = r.int32();
    o.host = r.compactString();
    o.port = r.int32();
    o.rack = r.compactNullableString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: NodeEndpoint): void {
    w.int32(o.nodeId);
    w.compactString(o.host);
    w.int32(o.port);
    w.compactNullableString(o.rack);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: NodeEndpoint): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactString(o.host);
    s += 4;
    s += (o.rack === null ? 1 : sizeOfCompactString(o.rack));
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
  static isDefault(o: NodeEndpoint): boolean {
    return (o.nodeId === 0) &&
      (o.host === "") &&
      (o.port === 0) &&
      (o.rack === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class LeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. Versions 0-0. */
  leaderId: number = 0;
  /** The latest known leader epoch. Versions 0-0. */
  leaderEpoch: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaderIdAndEpoch {
    const o = new LeaderIdAndEpoch();
    o.leaderId = r.int32();
    o.leaderEpoch = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: LeaderIdAndEpoch): void {
    w.int32(o.leaderId);
    w.int32(o.leaderEpoch);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: LeaderIdAndEpoch): number {
    let s = 0;
    s += 4;
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
  static isDefault(o: LeaderIdAndEpoch): boolean {
    return (o.leaderId === 0) &&
      (o.leaderEpoch === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class PartitionData {
  /** The partition index. Versions 0-0. */
  partitionIndex: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 0-0. */
  errorMessage: string | null = null;
  /** Versions 0-0. */
  currentLeader: LeaderIdAndEpoch = new LeaderIdAndEpoch();
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionData {
    const o = new PartitionData();
    o.partitionIndex = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    o.currentLeader = LeaderIdAndEpoch.read(r, v);
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
    w.compactNullableString(o.errorMessage);
    LeaderIdAndEpoch.write(w, v, o.currentLeader!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PartitionData): number {
    let s = 0;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    s += LeaderIdAndEpoch.size(v, o.currentLeader!);
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
      (o.errorMessage === null) &&
      (LeaderIdAndEpoch.isDefault(o.currentLeader)) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ShareAcknowledgeTopicResponse {
  /** The unique topic ID. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The topic partitions. Versions 0-0. */
  partitions: PartitionData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ShareAcknowledgeTopicResponse {
    const o = new ShareAcknowledgeTopicResponse();
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

  static write(w: Writer, v: number, o: ShareAcknowledgeTopicResponse): void {
    w.uuid(o.topicId);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionData.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ShareAcknowledgeTopicResponse): number {
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
  static isDefault(o: ShareAcknowledgeTopicResponse): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ShareAcknowledgeResponse: versions 0, flexible 0+. */
export class ShareAcknowledgeResponse {
  static readonly messageName = 'ShareAcknowledgeResponse';
  static readonly apiKey = 79;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The top level response error code. Versions 0-0. */
  errorCode: number = 0;
  /** The top-level error message, or null if there was no error. Versions 0-0. */
  errorMessage: string | null = null;
  /** The response topics. Versions 0-0. */
  responses: ShareAcknowledgeTopicResponse[] = [];
  /** Endpoints for all current leaders enumerated in PartitionData with error NOT_LEADER_OR_FOLLOWER. Versions 0-0. */
  nodeEndpoints: NodeEndpoint[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ShareAcknowledgeResponse {
    const o = new ShareAcknowledgeResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Responses was null');
    } else {
      const a2: ShareAcknowledgeTopicResponse[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ShareAcknowledgeTopicResponse.read(r, v));
      o.responses = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field NodeEndpoints was null');
    } else {
      const a5: NodeEndpoint[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(NodeEndpoint.read(r, v));
      o.nodeEndpoints = a5;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ShareAcknowledgeResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    w.compactArrayLength(o.responses.length);
    for (let i7 = 0; i7 < o.responses.length; i7++) ShareAcknowledgeTopicResponse.write(w, v, o.responses[i7]!);
    w.compactArrayLength(o.nodeEndpoints.length);
    for (let i8 = 0; i8 < o.nodeEndpoints.length; i8++) NodeEndpoint.write(w, v, o.nodeEndpoints[i8]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ShareAcknowledgeResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    s += sizeOfCompactLength(o.responses.length);
    for (let i9 = 0; i9 < o.responses.length; i9++) s += ShareAcknowledgeTopicResponse.size(v, o.responses[i9]!);
    s += sizeOfCompactLength(o.nodeEndpoints.length);
    for (let i10 = 0; i10 < o.nodeEndpoints.length; i10++) s += NodeEndpoint.size(v, o.nodeEndpoints[i10]!);
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
  static isDefault(o: ShareAcknowledgeResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === null) &&
      (o.responses.length === 0) &&
      (o.nodeEndpoints.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
