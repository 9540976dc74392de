// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/FetchSnapshotRequest.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

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
  /** The partition index Versions 0-1. */
  partition: number = 0;
  /** The current leader epoch of the partition, -1 for unknown leader epoch Versions 0-1. */
  currentLeaderEpoch: number = 0;
  /** The snapshot endOffset and epoch to fetch Versions 0-1. */
  snapshotId: SnapshotId = new SnapshotId();
  /** The byte position within the snapshot to start fetching from Versions 0-1. */
  position: bigint = 0n;
  /** The directory id of the follower fetching Versions 1-1. Tag 0. */
  replicaDirectoryId: Uuid = ZERO_UUID;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionSnapshot {
    const o = new PartitionSnapshot();
    o.partition = r.int32();
    o.currentLeaderEpoch = r.int32();
    o.snapshotId = SnapshotId.read(r, v);
    o.position = r.int64();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      const start = r.pos;
      if (tag === 0 && v >= 1) {
        o.replicaDirectoryId = r.uuid();
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionSnapshot): void {
    w.int32(o.partition);
    w.int32(o.currentLeaderEpoch);
    SnapshotId.write(w, v, o.snapshotId!);
    w.int64(o.position);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has1 = v >= 1 && !(o.replicaDirectoryId === ZERO_UUID);
    if (has1) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has1) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size2 = 0;
      size2 += 16;
      w.unsignedVarint(size2);
      w.uuid(o.replicaDirectoryId);
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: PartitionSnapshot): number {
    let s = 0;
    s += 4;
    s += 4;
    s += SnapshotId.size(v, o.snapshotId!);
    s += 8;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (v >= 1 && !(o.replicaDirectoryId === ZERO_UUID)) {
      count++;
      let size3 = 0;
      size3 += 16;
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size3) + size3;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: PartitionSnapshot): boolean {
    return (o.partition === 0) &&
      (o.currentLeaderEpoch === 0) &&
      (SnapshotId.isDefault(o.snapshotId)) &&
      (o.position === 0n) &&
      (o.replicaDirectoryId === ZERO_UUID) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicSnapshot {
  /** The name of the topic to fetch Versions 0-1. */
  name: string = "";
  /** The partitions to fetch Versions 0-1. */
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

/** FetchSnapshotRequest: versions 0-1, flexible 0+. */
export class FetchSnapshotRequest {
  static readonly messageName = 'FetchSnapshotRequest';
  static readonly apiKey = 59;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The clusterId if known, this is used to validate metadata fetches prior to broker registration Versions 0-1. Tag 0. */
  clusterId: string | null = null;
  /** The broker ID of the follower Versions 0-1. */
  replicaId: number = -1;
  /** The maximum bytes to fetch from all of the snapshots Versions 0-1. */
  maxBytes: number = 2147483647;
  /** The topics to fetch Versions 0-1. */
  topics: TopicSnapshot[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FetchSnapshotRequest {
    const o = new FetchSnapshotRequest();
    o.replicaId = r.int32();
    o.maxBytes = r.int32();
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
      if (tag === 0) {
        o.clusterId = r.compactNullableString();
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: FetchSnapshotRequest): void {
    w.int32(o.replicaId);
    w.int32(o.maxBytes);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) TopicSnapshot.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has6 = !(o.clusterId === null);
    if (has6) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has6) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size7 = 0;
      size7 += (o.clusterId === null ? 1 : sizeOfCompactString(o.clusterId));
      w.unsignedVarint(size7);
      w.compactNullableString(o.clusterId);
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: FetchSnapshotRequest): number {
    let s = 0;
    s += 4;
    s += 4;
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += TopicSnapshot.size(v, o.topics[i5]!);
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (!(o.clusterId === null)) {
      count++;
      let size8 = 0;
      size8 += (o.clusterId === null ? 1 : sizeOfCompactString(o.clusterId));
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size8) + size8;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: FetchSnapshotRequest): boolean {
    return (o.clusterId === null) &&
      (o.replicaId === -1) &&
      (o.maxBytes === 2147483647) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
