// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/FetchRequest.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ForgottenTopic {
  /** The topic name. Versions 7-12. */
  topic: string = "";
  /** The unique topic ID Versions 13-17. */
  topicId: Uuid = ZERO_UUID;
  /** The partitions indexes to forget. Versions 7-17. */
  partitions: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ForgottenTopic {
    const o = new ForgottenTopic();
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
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
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

  static write(w: Writer, v: number, o: ForgottenTopic): void {
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
    for (let i4 = 0; i4 < o.partitions.length; i4++) w.int32(o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ForgottenTopic): number {
    let s = 0;
    const flexible = v >= 12;
    if (v <= 12) {
      s += (v >= 12 ? sizeOfCompactString(o.topic) : sizeOfString(o.topic));
    }
    if (v >= 13) {
      s += 16;
    }
    s += (v >= 12 ? sizeOfCompactLength(o.partitions.length) : 4) + o.partitions.length * 4;
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
  static isDefault(o: ForgottenTopic): boolean {
    return (o.topic === "") &&
      (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class FetchPartition {
  /** The partition index. Versions 0-17. */
  partition: number = 0;
  /** The current leader epoch of the partition. Versions 9-17. */
  currentLeaderEpoch: number = -1;
  /** The message offset. Versions 0-17. */
  fetchOffset: bigint = 0n;
  /** The epoch of the last fetched record or -1 if there is none Versions 12-17. */
  lastFetchedEpoch: number = -1;
  /** The earliest available offset of the follower replica.  The field is only used when the request is sent by the follower. Versions 5-17. */
  logStartOffset: bigint = -1n;
  /** The maximum bytes to fetch from this partition.  See KIP-74 for cases where this limit may not be honored. Versions 0-17. */
  partitionMaxBytes: number = 0;
  /** The directory id of the follower fetching Versions 17-17. Tag 0. */
  replicaDirectoryId: Uuid = ZERO_UUID;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FetchPartition {
    const o = new FetchPartition();
    const flexible = v >= 12;
    o.partition = r.int32();
    if (v >= 9) {
      o.currentLeaderEpoch = r.int32();
    }
    o.fetchOffset = r.int64();
    if (v >= 12) {
      o.lastFetchedEpoch = r.int32();
    }
    if (v >= 5) {
      o.logStartOffset = r.int64();
    }
    o.partitionMaxBytes = r.int32();
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        const start = r.pos;
        if (tag === 0 && v >= 17) {
          o.replicaDirectoryId = r.uuid();
        } else {
          (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
          continue;
        }
        if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: FetchPartition): void {
    const flexible = v >= 12;
    w.int32(o.partition);
    if (v >= 9) {
      w.int32(o.currentLeaderEpoch);
    }
    w.int64(o.fetchOffset);
    if (v >= 12) {
      w.int32(o.lastFetchedEpoch);
    }
    if (!(v >= 12)) {
      if (!(o.lastFetchedEpoch === -1)) throw fieldNotSupported('LastFetchedEpoch', v);
    }
    if (v >= 5) {
      w.int64(o.logStartOffset);
    }
    w.int32(o.partitionMaxBytes);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      const has1 = v >= 17 && !(o.replicaDirectoryId === ZERO_UUID);
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
  }

  static size(v: number, o: FetchPartition): number {
    let s = 0;
    const flexible = v >= 12;
    s += 4;
    if (v >= 9) {
      s += 4;
    }
    s += 8;
    if (v >= 12) {
      s += 4;
    }
    if (v >= 5) {
      s += 8;
    }
    s += 4;
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      if (v >= 17 && !(o.replicaDirectoryId === ZERO_UUID)) {
        count++;
        let size3 = 0;
        size3 += 16;
        s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size3) + size3;
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: FetchPartition): boolean {
    return (o.partition === 0) &&
      (o.currentLeaderEpoch === -1) &&
      (o.fetchOffset === 0n) &&
      (o.lastFetchedEpoch === -1) &&
      (o.logStartOffset === -1n) &&
      (o.partitionMaxBytes === 0) &&
      (o.replicaDirectoryId === ZERO_UUID) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class FetchTopic {
  /** The name of the topic to fetch. Versions 0-12. */
  topic: string = "";
  /** The unique topic ID Versions 13-17. */
  topicId: Uuid = ZERO_UUID;
  /** The partitions to fetch. Versions 0-17. */
  partitions: FetchPartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FetchTopic {
    const o = new FetchTopic();
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
      const a2: FetchPartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(FetchPartition.read(r, v));
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

  static write(w: Writer, v: number, o: FetchTopic): void {
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
    for (let i4 = 0; i4 < o.partitions.length; i4++) FetchPartition.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: FetchTopic): number {
    let s = 0;
    const flexible = v >= 12;
    if (v <= 12) {
      s += (v >= 12 ? sizeOfCompactString(o.topic) : sizeOfString(o.topic));
    }
    if (v >= 13) {
      s += 16;
    }
    s += (v >= 12 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += FetchPartition.size(v, o.partitions[i5]!);
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
  static isDefault(o: FetchTopic): boolean {
    return (o.topic === "") &&
      (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ReplicaState {
  /** The replica ID of the follower, or -1 if this request is from a consumer. Versions 15-17. */
  replicaId: number = -1;
  /** The epoch of this follower, or -1 if not available. Versions 15-17. */
  replicaEpoch: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ReplicaState {
    const o = new ReplicaState();
    o.replicaId = r.int32();
    o.replicaEpoch = r.int64();
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
    w.int64(o.replicaEpoch);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ReplicaState): number {
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
  static isDefault(o: ReplicaState): boolean {
    return (o.replicaId === -1) &&
      (o.replicaEpoch === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** FetchRequest: versions 0-17, flexible 12+. */
export class FetchRequest {
  static readonly messageName = 'FetchRequest';
  static readonly apiKey = 1;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 17;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 12;

  /** The clusterId if known. This is used to validate metadata fetches prior to broker registration. Versions 12-17. Tag 0. */
  clusterId: string | null = null;
  /** The broker ID of the follower, of -1 if this request is from a consumer. Versions 0-14. */
  replicaId: number = -1;
  /** Versions 15-17. Tag 1. */
  replicaState: ReplicaState = new ReplicaState();
  /** The maximum time in milliseconds to wait for the response. Versions 0-17. */
  maxWaitMs: number = 0;
  /** The minimum bytes to accumulate in the response. Versions 0-17. */
  minBytes: number = 0;
  /** The maximum bytes to fetch.  See KIP-74 for cases where this limit may not be honored. Versions 3-17. */
  maxBytes: number = 2147483647;
  /** This setting controls the visibility of transactional records. Using READ_UNCOMMITTED (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1), non-transactional and COMMITTED transactional records are visible. To be more concrete, READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and enables the inclusion of the list of aborted transactions in the result, which allows consumers to discard ABORTED transactional records Versions 4-17. */
  isolationLevel: number = 0;
  /** The fetch session ID. Versions 7-17. */
  sessionId: number = 0;
  /** The fetch session epoch, which is used for ordering requests in a session. Versions 7-17. */
  sessionEpoch: number = -1;
  /** The topics to fetch. Versions 0-17. */
  topics: FetchTopic[] = [];
  /** In an incremental fetch request, the partitions to remove. Versions 7-17. */
  forgottenTopicsData: ForgottenTopic[] = [];
  /** Rack ID of the consumer making this request Versions 11-17. */
  rackId: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FetchRequest {
    const o = new FetchRequest();
    const flexible = v >= 12;
    if (v <= 14) {
      o.replicaId = r.int32();
    }
    o.maxWaitMs = r.int32();
    o.minBytes = r.int32();
    if (v >= 3) {
      o.maxBytes = r.int32();
    }
    if (v >= 4) {
      o.isolationLevel = r.int8();
    }
    if (v >= 7) {
      o.sessionId = r.int32();
    }
    if (v >= 7) {
      o.sessionEpoch = r.int32();
    }
    const n1 = (v >= 12 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: FetchTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(FetchTopic.read(r, v));
      o.topics = a2;
    }
    if (v >= 7) {
      const n4 = (v >= 12 ? r.compactArrayLength() : r.arrayLength());
      if (n4 < 0) {
        r.fail('non-nullable field ForgottenTopicsData was null');
      } else {
        const a5: ForgottenTopic[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(ForgottenTopic.read(r, v));
        o.forgottenTopicsData = a5;
      }
    }
    if (v >= 11) {
      o.rackId = (v >= 12 ? r.compactString() : r.string());
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        const start = r.pos;
        if (tag === 0 && v >= 12) {
          o.clusterId = r.compactNullableString();
        } else if (tag === 1 && v >= 15) {
          o.replicaState = ReplicaState.read(r, v);
        } else {
          (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
          continue;
        }
        if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: FetchRequest): void {
    const flexible = v >= 12;
    if (v <= 14) {
      w.int32(o.replicaId);
    }
    if (!(v <= 14)) {
      if (!(o.replicaId === -1)) throw fieldNotSupported('ReplicaId', v);
    }
    if (!(v >= 15)) {
      if (!(ReplicaState.isDefault(o.replicaState))) throw fieldNotSupported('ReplicaState', v);
    }
    w.int32(o.maxWaitMs);
    w.int32(o.minBytes);
    if (v >= 3) {
      w.int32(o.maxBytes);
    }
    if (v >= 4) {
      w.int8(o.isolationLevel);
    }
    if (v >= 7) {
      w.int32(o.sessionId);
    }
    if (v >= 7) {
      w.int32(o.sessionEpoch);
    }
    if (v >= 12) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i7 = 0; i7 < o.topics.length; i7++) FetchTopic.write(w, v, o.topics[i7]!);
    if (v >= 7) {
      if (v >= 12) w.compactArrayLength(o.forgottenTopicsData.length);
      else w.arrayLength(o.forgottenTopicsData.length);
      for (let i8 = 0; i8 < o.forgottenTopicsData.length; i8++) ForgottenTopic.write(w, v, o.forgottenTopicsData[i8]!);
    }
    if (!(v >= 7)) {
      if (!(o.forgottenTopicsData.length === 0)) throw fieldNotSupported('ForgottenTopicsData', v);
    }
    if (v >= 11) {
      if (v >= 12) w.compactString(o.rackId);
      else w.string(o.rackId);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      const has11 = v >= 12 && !(o.clusterId === null);
      if (has11) count++;
      const has14 = v >= 15 && !(ReplicaState.isDefault(o.replicaState));
      if (has14) count++;
      w.unsignedVarint(count);
      let ui = 0;
      if (has11) {
        ui = writeTaggedFieldsBelow(w, u, ui, 0);
        w.unsignedVarint(0);
        let size12 = 0;
        size12 += (o.clusterId === null ? 1 : sizeOfCompactString(o.clusterId));
        w.unsignedVarint(size12);
        w.compactNullableString(o.clusterId);
      }
      if (has14) {
        ui = writeTaggedFieldsBelow(w, u, ui, 1);
        w.unsignedVarint(1);
        let size15 = 0;
        size15 += ReplicaState.size(v, o.replicaState!);
        w.unsignedVarint(size15);
        ReplicaState.write(w, v, o.replicaState!);
      }
      writeTaggedFieldsBelow(w, u, ui, Infinity);
    }
  }

  static size(v: number, o: FetchRequest): number {
    let s = 0;
    const flexible = v >= 12;
    if (v <= 14) {
      s += 4;
    }
    s += 4;
    s += 4;
    if (v >= 3) {
      s += 4;
    }
    if (v >= 4) {
      s += 1;
    }
    if (v >= 7) {
      s += 4;
    }
    if (v >= 7) {
      s += 4;
    }
    s += (v >= 12 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i9 = 0; i9 < o.topics.length; i9++) s += FetchTopic.size(v, o.topics[i9]!);
    if (v >= 7) {
      s += (v >= 12 ? sizeOfCompactLength(o.forgottenTopicsData.length) : 4);
      for (let i10 = 0; i10 < o.forgottenTopicsData.length; i10++) s += ForgottenTopic.size(v, o.forgottenTopicsData[i10]!);
    }
    if (v >= 11) {
      s += (v >= 12 ? sizeOfCompactString(o.rackId) : sizeOfString(o.rackId));
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      if (v >= 12 && !(o.clusterId === null)) {
        count++;
        let size13 = 0;
        size13 += (o.clusterId === null ? 1 : sizeOfCompactString(o.clusterId));
        s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size13) + size13;
      }
      if (v >= 15 && !(ReplicaState.isDefault(o.replicaState))) {
        count++;
        let size16 = 0;
        size16 += ReplicaState.size(v, o.replicaState!);
        s += sizeOfUnsignedVarint(1) + sizeOfUnsignedVarint(size16) + size16;
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: FetchRequest): boolean {
    return (o.clusterId === null) &&
      (o.replicaId === -1) &&
      (ReplicaState.isDefault(o.replicaState)) &&
      (o.maxWaitMs === 0) &&
      (o.minBytes === 0) &&
      (o.maxBytes === 2147483647) &&
      (o.isolationLevel === 0) &&
      (o.sessionId === 0) &&
      (o.sessionEpoch === -1) &&
      (o.topics.length === 0) &&
      (o.forgottenTopicsData.length === 0) &&
      (o.rackId === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
