// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/FetchResponse.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class NodeEndpoint {
  /** The ID of the associated node. Versions 16-17. */
  nodeId: number = 0;
  /** The node's hostname. Versions 16-17. */
  host: string = "";
  /** The node's port. Versions 16-17. */
  port: number = 0;
  /** The rack of the node, or null if it has not been assigned to a rack. Versions 16-17. */
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

export class AbortedTransaction {
  /** The producer id associated with the aborted transaction. Versions 4-17. */
  producerId: bigint = 0n;
  /** The first offset in the aborted transaction. Versions 4-17. */
  firstOffset: bigint = 0n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AbortedTransaction {
    const o = new AbortedTransaction();
    const flexible = v >= 12;
    o.producerId = r.int64();
    o.firstOffset = r.int64();
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

  static write(w: Writer, v: number, o: AbortedTransaction): void {
    const flexible = v >= 12;
    w.int64(o.producerId);
    w.int64(o.firstOffset);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AbortedTransaction): number {
    let s = 0;
    const flexible = v >= 12;
    s += 8;
    s += 8;
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
  static isDefault(o: AbortedTransaction): boolean {
    return (o.producerId === 0n) &&
      (o.firstOffset === 0n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class SnapshotId {
  /** Versions 12-17. */
  endOffset: bigint = -1n;
  /** Versions 12-17. */
  epoch: number = -1;
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
    return (o.endOffset === -1n) &&
      (o.epoch === -1) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class LeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. Versions 12-17. */
  leaderId: number = -1;
  /** The latest known leader epoch Versions 12-17. */
  leaderEpoch: number = -1;
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
    return (o.leaderId === -1) &&
      (o.leaderEpoch === -1) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class EpochEndOffset {
  /** Versions 12-17. */
  epoch: number = -1;
  /** Versions 12-17. */
  endOffset: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): EpochEndOffset {
    const o = new EpochEndOffset();
    o.epoch = r.int32();
    o.endOffset = r.int64();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: EpochEndOffset): void {
    w.int32(o.epoch);
    w.int64(o.endOffset);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: EpochEndOffset): number {
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
  static isDefault(o: EpochEndOffset): boolean {
    return (o.epoch === -1) &&
      (o.endOffset === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class PartitionData {
  /** The partition index. Versions 0-17. */
  partitionIndex: number = 0;
  /** The error code, or 0 if there was no fetch error. Versions 0-17. */
  errorCode: number = 0;
  /** The current high water mark. Versions 0-17. */
  highWatermark: bigint = 0n;
  /** The last stable offset (or LSO) of the partition. This is the last offset such that the state of all transactional records prior to this offset have been decided (ABORTED or COMMITTED) Versions 4-17. */
  lastStableOffset: bigint = -1n;
  /** The current log start offset. Versions 5-17. */
  logStartOffset: bigint = -1n;
  /** In case divergence is detected based on the `LastFetchedEpoch` and `FetchOffset` in the request, this field indicates the largest epoch and its end offset such that subsequent records are known to diverge Versions 12-17. Tag 0. */
  divergingEpoch: EpochEndOffset = new EpochEndOffset();
  /** Versions 12-17. Tag 1. */
  currentLeader: LeaderIdAndEpoch = new LeaderIdAndEpoch();
  /** In the case of fetching an offset less than the LogStartOffset, this is the end offset and epoch that should be used in the FetchSnapshot request. Versions 12-17. Tag 2. */
  snapshotId: SnapshotId = new SnapshotId();
  /** The aborted transactions. Versions 4-17. */
  abortedTransactions: AbortedTransaction[] | null = [];
  /** The preferred read replica for the consumer to use on its next fetch request Versions 11-17. */
  preferredReadReplica: number = -1;
  /** The record data. Versions 0-17. */
  records: Buffer | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionData {
    const o = new PartitionData();
    const flexible = v >= 12;
    o.partitionIndex = r.int32();
    o.errorCode = r.int16();
    o.highWatermark = r.int64();
    if (v >= 4) {
      o.lastStableOffset = r.int64();
    }
    if (v >= 5) {
      o.logStartOffset = r.int64();
    }
    if (v >= 4) {
      const n1 = (v >= 12 ? r.compactArrayLength() : r.arrayLength());
      if (n1 < 0) {
        o.abortedTransactions = null;
      } else {
        const a2: AbortedTransaction[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AbortedTransaction.read(r, v));
        o.abortedTransactions = a2;
      }
    }
    if (v >= 11) {
      o.preferredReadReplica = r.int32();
    }
    o.records = (v >= 12 ? r.compactNullableBytes() : r.nullableBytes());
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        const start = r.pos;
        if (tag === 0 && v >= 12) {
          o.divergingEpoch = EpochEndOffset.read(r, v);
        } else if (tag === 1 && v >= 12) {
          o.currentLeader = LeaderIdAndEpoch.read(r, v);
        } else if (tag === 2 && v >= 12) {
          o.snapshotId = SnapshotId.read(r, v);
        } else {
          (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
          continue;
        }
        if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionData): void {
    const flexible = v >= 12;
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    w.int64(o.highWatermark);
    if (v >= 4) {
      w.int64(o.lastStableOffset);
    }
    if (v >= 5) {
      w.int64(o.logStartOffset);
    }
    if (!(v >= 12)) {
      if (!(EpochEndOffset.isDefault(o.divergingEpoch))) throw fieldNotSupported('DivergingEpoch', v);
    }
    if (!(v >= 12)) {
      if (!(LeaderIdAndEpoch.isDefault(o.currentLeader))) throw fieldNotSupported('CurrentLeader', v);
    }
    if (!(v >= 12)) {
      if (!(SnapshotId.isDefault(o.snapshotId))) throw fieldNotSupported('SnapshotId', v);
    }
    if (v >= 4) {
      if (o.abortedTransactions === null) (v >= 12 ? w.unsignedVarint(0) : w.int32(-1));
      else {
        if (v >= 12) w.compactArrayLength(o.abortedTransactions.length);
        else w.arrayLength(o.abortedTransactions.length);
        for (let i4 = 0; i4 < o.abortedTransactions.length; i4++) AbortedTransaction.write(w, v, o.abortedTransactions[i4]!);
      }
    }
    if (v >= 11) {
      w.int32(o.preferredReadReplica);
    }
    if (!(v >= 11)) {
      if (!(o.preferredReadReplica === -1)) throw fieldNotSupported('PreferredReadReplica', v);
    }
    if (v >= 12) w.compactRecords(o.records);
    else w.records(o.records);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      const has6 = v >= 12 && !(EpochEndOffset.isDefault(o.divergingEpoch));
      if (has6) count++;
      const has9 = v >= 12 && !(LeaderIdAndEpoch.isDefault(o.currentLeader));
      if (has9) count++;
      const has12 = v >= 12 && !(SnapshotId.isDefault(o.snapshotId));
      if (has12) count++;
      w.unsignedVarint(count);
      let ui = 0;
      if (has6) {
        ui = writeTaggedFieldsBelow(w, u, ui, 0);
        w.unsignedVarint(0);
        let size7 = 0;
        size7 += EpochEndOffset.size(v, o.divergingEpoch!);
        w.unsignedVarint(size7);
        EpochEndOffset.write(w, v, o.divergingEpoch!);
      }
      if (has9) {
        ui = writeTaggedFieldsBelow(w, u, ui, 1);
        w.unsignedVarint(1);
        let size10 = 0;
        size10 += LeaderIdAndEpoch.size(v, o.currentLeader!);
        w.unsignedVarint(size10);
        LeaderIdAndEpoch.write(w, v, o.currentLeader!);
      }
      if (has12) {
        ui = writeTaggedFieldsBelow(w, u, ui, 2);
        w.unsignedVarint(2);
        let size13 = 0;
        size13 += SnapshotId.size(v, o.snapshotId!);
        w.unsignedVarint(size13);
        SnapshotId.write(w, v, o.snapshotId!);
      }
      writeTaggedFieldsBelow(w, u, ui, Infinity);
    }
  }

  static size(v: number, o: PartitionData): number {
    let s = 0;
    const flexible = v >= 12;
    s += 4;
    s += 2;
    s += 8;
    if (v >= 4) {
      s += 8;
    }
    if (v >= 5) {
      s += 8;
    }
    if (v >= 4) {
      if (o.abortedTransactions === null) s += (v >= 12 ? 1 : 4);
      else {
        s += (v >= 12 ? sizeOfCompactLength(o.abortedTransactions.length) : 4);
        for (let i5 = 0; i5 < o.abortedTransactions.length; i5++) s += AbortedTransaction.size(v, o.abortedTransactions[i5]!);
      }
    }
    if (v >= 11) {
      s += 4;
    }
    s += (o.records === null ? (v >= 12 ? 1 : 4) : (v >= 12 ? sizeOfCompactLength(o.records.length) + o.records.length : 4 + o.records.length));
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      if (v >= 12 && !(EpochEndOffset.isDefault(o.divergingEpoch))) {
        count++;
        let size8 = 0;
        size8 += EpochEndOffset.size(v, o.divergingEpoch!);
        s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size8) + size8;
      }
      if (v >= 12 && !(LeaderIdAndEpoch.isDefault(o.currentLeader))) {
        count++;
        let size11 = 0;
        size11 += LeaderIdAndEpoch.size(v, o.currentLeader!);
        s += sizeOfUnsignedVarint(1) + sizeOfUnsignedVarint(size11) + size11;
      }
      if (v >= 12 && !(SnapshotId.isDefault(o.snapshotId))) {
        count++;
        let size14 = 0;
        size14 += SnapshotId.size(v, o.snapshotId!);
        s += sizeOfUnsignedVarint(2) + sizeOfUnsignedVarint(size14) + size14;
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: PartitionData): boolean {
    return (o.partitionIndex === 0) &&
      (o.errorCode === 0) &&
      (o.highWatermark === 0n) &&
      (o.lastStableOffset === -1n) &&
      (o.logStartOffset === -1n) &&
      (EpochEndOffset.isDefault(o.divergingEpoch)) &&
      (LeaderIdAndEpoch.isDefault(o.currentLeader)) &&
      (SnapshotId.isDefault(o.snapshotId)) &&
      (o.abortedTransactions !== null && o.abortedTransactions.length === 0) &&
      (o.preferredReadReplica === -1) &&
      (o.records === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class FetchableTopicResponse {
  /** The topic name. Versions 0-12. */
  topic: string = "";
  /** The unique topic ID Versions 13-17. */
  topicId: Uuid = ZERO_UUID;
  /** The topic partitions. Versions 0-17. */
  partitions: PartitionData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FetchableTopicResponse {
    const o = new FetchableTopicResponse();
    const flexible = v >= 12;
    if (v <= 12) {
      o.topic = (v >= 12 ? r.compactString() : r.string());
    }
    if (v >= 13) {
      o.topicId = r.uuid();
    }
    const n1 = (v >= 12 ? r.compactArrayLength() : r.arrayLength());
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

  static write(w: Writer, v: number, o: FetchableTopicResponse): void {
    const flexible = v >= 12;
    if (v <= 12) {
      if (v >= 12) w.compactString(o.topic);
      else w.string(o.topic);
    }
    if (v >= 13) {
      w.uuid(o.topicId);
    }
    if (v >= 12) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionData.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: FetchableTopicResponse): number {
    let s = 0;
    const flexible = v >= 12;
    if (v <= 12) {
      s += (v >= 12 ? sizeOfCompactString(o.topic) : sizeOfString(o.topic));
    }
    if (v >= 13) {
      s += 16;
    }
    s += (v >= 12 ? sizeOfCompactLength(o.partitions.length) : 4);
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
  static isDefault(o: FetchableTopicResponse): boolean {
    return (o.topic === "") &&
      (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** FetchResponse: versions 0-17, flexible 12+. */
export class FetchResponse {
  static readonly messageName = 'FetchResponse';
  static readonly apiKey = 1;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 17;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 12;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-17. */
  throttleTimeMs: number = 0;
  /** The top level response error code. Versions 7-17. */
  errorCode: number = 0;
  /** The fetch session ID, or 0 if this is not part of a fetch session. Versions 7-17. */
  sessionId: number = 0;
  /** The response topics. Versions 0-17. */
  responses: FetchableTopicResponse[] = [];
  /** Endpoints for all current-leaders enumerated in PartitionData, with errors NOT_LEADER_OR_FOLLOWER & FENCED_LEADER_EPOCH. Versions 16-17. Tag 0. */
  nodeEndpoints: NodeEndpoint[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FetchResponse {
    const o = new FetchResponse();
    const flexible = v >= 12;
    if (v >= 1) {
      o.throttleTimeMs = r.int32();
    }
    if (v >= 7) {
      o.errorCode = r.int16();
    }
    if (v >= 7) {
      o.sessionId = r.int32();
    }
    const n1 = (v >= 12 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Responses was null');
    } else {
      const a2: FetchableTopicResponse[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(FetchableTopicResponse.read(r, v));
      o.responses = a2;
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        const start = r.pos;
        if (tag === 0 && v >= 16) {
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
    }
    return o;
  }

  static write(w: Writer, v: number, o: FetchResponse): void {
    const flexible = v >= 12;
    if (v >= 1) {
      w.int32(o.throttleTimeMs);
    }
    if (v >= 7) {
      w.int16(o.errorCode);
    }
    if (v >= 7) {
      w.int32(o.sessionId);
    }
    if (!(v >= 7)) {
      if (!(o.sessionId === 0)) throw fieldNotSupported('SessionId', v);
    }
    if (v >= 12) w.compactArrayLength(o.responses.length);
    else w.arrayLength(o.responses.length);
    for (let i7 = 0; i7 < o.responses.length; i7++) FetchableTopicResponse.write(w, v, o.responses[i7]!);
    if (!(v >= 16)) {
      if (!(o.nodeEndpoints.length === 0)) throw fieldNotSupported('NodeEndpoints', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      const has10 = v >= 16 && !(o.nodeEndpoints.length === 0);
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
  }

  static size(v: number, o: FetchResponse): number {
    let s = 0;
    const flexible = v >= 12;
    if (v >= 1) {
      s += 4;
    }
    if (v >= 7) {
      s += 2;
    }
    if (v >= 7) {
      s += 4;
    }
    s += (v >= 12 ? sizeOfCompactLength(o.responses.length) : 4);
    for (let i9 = 0; i9 < o.responses.length; i9++) s += FetchableTopicResponse.size(v, o.responses[i9]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      if (v >= 16 && !(o.nodeEndpoints.length === 0)) {
        count++;
        let size14 = 0;
        size14 += sizeOfCompactLength(o.nodeEndpoints.length);
        for (let i15 = 0; i15 < o.nodeEndpoints.length; i15++) size14 += NodeEndpoint.size(v, o.nodeEndpoints[i15]!);
        s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size14) + size14;
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: FetchResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.sessionId === 0) &&
      (o.responses.length === 0) &&
      (o.nodeEndpoints.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
