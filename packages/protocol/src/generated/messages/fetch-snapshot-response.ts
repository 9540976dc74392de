// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/FetchSnapshotResponse.json

import { fieldNotSupported, nullNotAllowed, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class NodeEndpoint {
  /** The ID of the associated node Versions 1-1. */
  nodeId: number = 0;
  /** The node's hostname Versions 1-1. */
  host: string = "";
  /** The node's port Versions 1-1. */
  port: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): NodeEndpoint {
    const o = new NodeEndpoint();
    o.nodeId = r.int32();
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

  static write(w: Writer, v: number, o: NodeEndpoint): void {
    w.int32(o.nodeId);
    w.compactString(o.host);
    w.uint16(o.port);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: NodeEndpoint): number {
    let s = 0;
    s += 4;
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
  static isDefault(o: NodeEndpoint): boolean {
    return (o.nodeId === 0) &&
      (o.host === "") &&
      (o.port === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class LeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. Versions 0-1. */
  leaderId: number = 0;
  /** The latest known leader epoch Versions 0-1. */
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

export class SnapshotId {
  /** Versions 0-1. */
  endOffset: bigint = 0n;
  /** Versions 0-1. */
  epoch: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): SnapshotId {
    const o = new SnapshotId();
    o.endOffset = r.int64();
    o.epoch = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: SnapshotId): void {
    w.int64(o.endOffset);
    w.int32(o.epoch);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: SnapshotId): number {
    let s = 0;
    s += 8;
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
  static isDefault(o: SnapshotId): boolean {
    return (o.endOffset === 0n) &&
      (o.epoch === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class PartitionSnapshot {
  /** The partition index. Versions 0-1. */
  index: number = 0;
  /** The error code, or 0 if there was no fetch error. Versions 0-1. */
  errorCode: number = 0;
  /** The snapshot endOffset and epoch fetched Versions 0-1. */
  snapshotId: SnapshotId = new SnapshotId();
  /** Versions 0-1. Tag 0. */
  currentLeader: LeaderIdAndEpoch = new LeaderIdAndEpoch();
  /** The total size of the snapshot. Versions 0-1. */
  size: bigint = 0n;
  /** The starting byte position within the snapshot included in the Bytes field. Versions 0-1. */
  position: bigint = 0n;
  /** Snapshot data in records format which may not be aligned on an offset boundary Versions 0-1. */
  unalignedRecords: Buffer | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionSnapshot {
    const o = new PartitionSnapshot();
    o.index = r.int32();
    o.errorCode = r.int16();
    o.snapshotId = SnapshotId.read(r, v);
    o.size = r.int64();
    o.position = r.int64();
    o.unalignedRecords = r.compactBytes();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      const start = r.pos;
      if (tag === 0) {
        o.currentLeader = LeaderIdAndEpoch.read(r, v);
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionSnapshot): void {
    w.int32(o.index);
    w.int16(o.errorCode);
    SnapshotId.write(w, v, o.snapshotId!);
    w.int64(o.size);
    w.int64(o.position);
    if (o.unalignedRecords === null) throw nullNotAllowed('UnalignedRecords', v);
    w.compactRecords(o.unalignedRecords);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has1 = !(LeaderIdAndEpoch.isDefault(o.currentLeader));
    if (has1) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has1) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size2 = 0;
      size2 += LeaderIdAndEpoch.size(v, o.currentLeader!);
      w.unsignedVarint(size2);
      LeaderIdAndEpoch.write(w, v, o.currentLeader!);
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: PartitionSnapshot): number {
    let s = 0;
    s += 4;
    s += 2;
    s += SnapshotId.size(v, o.snapshotId!);
    s += 8;
    s += 8;
    s += (o.unalignedRecords === null ? 1 : sizeOfCompactLength(o.unalignedRecords.length) + o.unalignedRecords.length);
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (!(LeaderIdAndEpoch.isDefault(o.currentLeader))) {
      count++;
      let size3 = 0;
      size3 += LeaderIdAndEpoch.size(v, o.currentLeader!);
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size3) + size3;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: PartitionSnapshot): boolean {
    return (o.index === 0) &&
      (o.errorCode === 0) &&
      (SnapshotId.isDefault(o.snapshotId)) &&
      (LeaderIdAndEpoch.isDefault(o.currentLeader)) &&
      (o.size === 0n) &&
      (o.position === 0n) &&
      (o.unalignedRecords === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicSnapshot {
  /** The name of the topic to fetch. Versions 0-1. */
  name: string = "";
  /** The partitions to fetch. Versions 0-1. */
  partitions: PartitionSnapshot[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicSnapshot {
    const o = new TopicSnapshot();
    o.name = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: PartitionSnapshot[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionSnapshot.read(r, v));
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

  static write(w: Writer, v: number, o: TopicSnapshot): void {
    w.compactString(o.name);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionSnapshot.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: TopicSnapshot): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += PartitionSnapshot.size(v, o.partitions[i5]!);
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
  static isDefault(o: TopicSnapshot): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** FetchSnapshotResponse: versions 0-1, flexible 0+. */
export class FetchSnapshotResponse {
  static readonly messageName = 'FetchSnapshotResponse';
  static readonly apiKey = 59;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number = 0;
  /** The top level response error code. Versions 0-1. */
  errorCode: number = 0;
  /** The topics to fetch. Versions 0-1. */
  topics: TopicSnapshot[] = [];
  /** Endpoints for all current-leaders enumerated in PartitionSnapshot Versions 1-1. Tag 0. */
  nodeEndpoints: NodeEndpoint[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FetchSnapshotResponse {
    const o = new FetchSnapshotResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TopicSnapshot[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicSnapshot.read(r, v));
      o.topics = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      const start = r.pos;
      if (tag === 0 && v >= 1) {
        const n4 = r.compactArrayLength();
        if (n4 < 0) {
          r.fail('non-nullable field NodeEndpoints was null');
        } else {
          const a5: NodeEndpoint[] = [];
          for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(NodeEndpoint.read(r, v));
          o.nodeEndpoints = a5;
        }
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: FetchSnapshotResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactArrayLength(o.topics.length);
    for (let i7 = 0; i7 < o.topics.length; i7++) TopicSnapshot.write(w, v, o.topics[i7]!);
    if (!(v >= 1)) {
      if (!(o.nodeEndpoints.length === 0)) throw fieldNotSupported('NodeEndpoints', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has10 = v >= 1 && !(o.nodeEndpoints.length === 0);
    if (has10) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has10) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size11 = 0;
      size11 += sizeOfCompactLength(o.nodeEndpoints.length);
      for (let i12 = 0; i12 < o.nodeEndpoints.length; i12++) size11 += NodeEndpoint.size(v, o.nodeEndpoints[i12]!);
      w.unsignedVarint(size11);
      w.compactArrayLength(o.nodeEndpoints.length);
      for (let i13 = 0; i13 < o.nodeEndpoints.length; i13++) NodeEndpoint.write(w, v, o.nodeEndpoints[i13]!);
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: FetchSnapshotResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += sizeOfCompactLength(o.topics.length);
    for (let i9 = 0; i9 < o.topics.length; i9++) s += TopicSnapshot.size(v, o.topics[i9]!);
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (v >= 1 && !(o.nodeEndpoints.length === 0)) {
      count++;
      let size14 = 0;
      size14 += sizeOfCompactLength(o.nodeEndpoints.length);
      for (let i15 = 0; i15 < o.nodeEndpoints.length; i15++) size14 += NodeEndpoint.size(v, o.nodeEndpoints[i15]!);
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size14) + size14;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: FetchSnapshotResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.topics.length === 0) &&
      (o.nodeEndpoints.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
