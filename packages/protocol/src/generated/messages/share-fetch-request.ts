// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ShareFetchRequest.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ForgottenTopic {
  /** The unique topic ID. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The partitions indexes to forget. Versions 0-0. */
  partitions: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ForgottenTopic {
    const o = new ForgottenTopic();
    o.topicId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
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

  static write(w: Writer, v: number, o: ForgottenTopic): void {
    w.uuid(o.topicId);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) w.int32(o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ForgottenTopic): number {
    let s = 0;
    s += 16;
    s += sizeOfCompactLength(o.partitions.length) + o.partitions.length * 4;
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
  static isDefault(o: ForgottenTopic): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class AcknowledgementBatch {
  /** First offset of batch of records to acknowledge. Versions 0-0. */
  firstOffset: bigint = 0n;
  /** Last offset (inclusive) of batch of records to acknowledge. Versions 0-0. */
  lastOffset: bigint = 0n;
  /** Array of acknowledge types - 0:Gap,1:Accept,2:Release,3:Reject. Versions 0-0. */
  acknowledgeTypes: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AcknowledgementBatch {
    const o = new AcknowledgementBatch();
    o.firstOffset = r.int64();
    o.lastOffset = r.int64();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field AcknowledgeTypes was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int8());
      o.acknowledgeTypes = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: AcknowledgementBatch): void {
    w.int64(o.firstOffset);
    w.int64(o.lastOffset);
    w.compactArrayLength(o.acknowledgeTypes.length);
    for (let i4 = 0; i4 < o.acknowledgeTypes.length; i4++) w.int8(o.acknowledgeTypes[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AcknowledgementBatch): number {
    let s = 0;
    s += 8;
    s += 8;
    s += sizeOfCompactLength(o.acknowledgeTypes.length) + o.acknowledgeTypes.length * 1;
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
  static isDefault(o: AcknowledgementBatch): boolean {
    return (o.firstOffset === 0n) &&
      (o.lastOffset === 0n) &&
      (o.acknowledgeTypes.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class FetchPartition {
  /** The partition index. Versions 0-0. */
  partitionIndex: number = 0;
  /** The maximum bytes to fetch from this partition. 0 when only acknowledgement with no fetching is required. See KIP-74 for cases where this limit may not be honored. Versions 0-0. */
  partitionMaxBytes: number = 0;
  /** Record batches to acknowledge. Versions 0-0. */
  acknowledgementBatches: AcknowledgementBatch[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FetchPartition {
    const o = new FetchPartition();
    o.partitionIndex = r.int32();
    o.partitionMaxBytes = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field AcknowledgementBatches was null');
    } else {
      const a2: AcknowledgementBatch[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AcknowledgementBatch.read(r, v));
      o.acknowledgementBatches = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: FetchPartition): void {
    w.int32(o.partitionIndex);
    w.int32(o.partitionMaxBytes);
    w.compactArrayLength(o.acknowledgementBatches.length);
    for (let i4 = 0; i4 < o.acknowledgementBatches.length; i4++) AcknowledgementBatch.write(w, v, o.acknowledgementBatches[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: FetchPartition): number {
    let s = 0;
    s += 4;
    s += 4;
    s += sizeOfCompactLength(o.acknowledgementBatches.length);
    for (let i5 = 0; i5 < o.acknowledgementBatches.length; i5++) s += AcknowledgementBatch.size(v, o.acknowledgementBatches[i5]!);
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
  static isDefault(o: FetchPartition): boolean {
    return (o.partitionIndex === 0) &&
      (o.partitionMaxBytes === 0) &&
      (o.acknowledgementBatches.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class FetchTopic {
  /** The unique topic ID. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The partitions to fetch. Versions 0-0. */
  partitions: FetchPartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FetchTopic {
    const o = new FetchTopic();
    o.topicId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: FetchPartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(FetchPartition.read(r, v));
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

  static write(w: Writer, v: number, o: FetchTopic): void {
    w.uuid(o.topicId);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) FetchPartition.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: FetchTopic): number {
    let s = 0;
    s += 16;
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += FetchPartition.size(v, o.partitions[i5]!);
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
  static isDefault(o: FetchTopic): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ShareFetchRequest: versions 0, flexible 0+. */
export class ShareFetchRequest {
  static readonly messageName = 'ShareFetchRequest';
  static readonly apiKey = 78;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The group identifier. Versions 0-0. */
  groupId: string | null = null;
  /** The member ID. Versions 0-0. */
  memberId: string | null = "";
  /** The current share session epoch: 0 to open a share session; -1 to close it; otherwise increments for consecutive requests. Versions 0-0. */
  shareSessionEpoch: number = 0;
  /** The maximum time in milliseconds to wait for the response. Versions 0-0. */
  maxWaitMs: number = 0;
  /** The minimum bytes to accumulate in the response. Versions 0-0. */
  minBytes: number = 0;
  /** The maximum bytes to fetch.  See KIP-74 for cases where this limit may not be honored. Versions 0-0. */
  maxBytes: number = 2147483647;
  /** The topics to fetch. Versions 0-0. */
  topics: FetchTopic[] = [];
  /** The partitions to remove from this share session. Versions 0-0. */
  forgottenTopicsData: ForgottenTopic[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ShareFetchRequest {
    const o = new ShareFetchRequest();
    o.groupId = r.compactNullableString();
    o.memberId = r.compactNullableString();
    o.shareSessionEpoch = r.int32();
    o.maxWaitMs = r.int32();
    o.minBytes = r.int32();
    o.maxBytes = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: FetchTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(FetchTopic.read(r, v));
      o.topics = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field ForgottenTopicsData was null');
    } else {
      const a5: ForgottenTopic[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(ForgottenTopic.read(r, v));
      o.forgottenTopicsData = a5;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ShareFetchRequest): void {
    w.compactNullableString(o.groupId);
    w.compactNullableString(o.memberId);
    w.int32(o.shareSessionEpoch);
    w.int32(o.maxWaitMs);
    w.int32(o.minBytes);
    w.int32(o.maxBytes);
    w.compactArrayLength(o.topics.length);
    for (let i7 = 0; i7 < o.topics.length; i7++) FetchTopic.write(w, v, o.topics[i7]!);
    w.compactArrayLength(o.forgottenTopicsData.length);
    for (let i8 = 0; i8 < o.forgottenTopicsData.length; i8++) ForgottenTopic.write(w, v, o.forgottenTopicsData[i8]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ShareFetchRequest): number {
    let s = 0;
    s += (o.groupId === null ? 1 : sizeOfCompactString(o.groupId));
    s += (o.memberId === null ? 1 : sizeOfCompactString(o.memberId));
    s += 4;
    s += 4;
    s += 4;
    s += 4;
    s += sizeOfCompactLength(o.topics.length);
    for (let i9 = 0; i9 < o.topics.length; i9++) s += FetchTopic.size(v, o.topics[i9]!);
    s += sizeOfCompactLength(o.forgottenTopicsData.length);
    for (let i10 = 0; i10 < o.forgottenTopicsData.length; i10++) s += ForgottenTopic.size(v, o.forgottenTopicsData[i10]!);
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
  static isDefault(o: ShareFetchRequest): boolean {
    return (o.groupId === null) &&
      (o.memberId === "") &&
      (o.shareSessionEpoch === 0) &&
      (o.maxWaitMs === 0) &&
      (o.minBytes === 0) &&
      (o.maxBytes === 2147483647) &&
      (o.topics.length === 0) &&
      (o.forgottenTopicsData.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
