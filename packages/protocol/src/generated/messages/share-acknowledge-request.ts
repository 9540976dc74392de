// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ShareAcknowledgeRequest.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

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

export class AcknowledgePartition {
  /** The partition index. Versions 0-0. */
  partitionIndex: number = 0;
  /** Record batches to acknowledge. Versions 0-0. */
  acknowledgementBatches: AcknowledgementBatch[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AcknowledgePartition {
    const o = new AcknowledgePartition();
    o.partitionIndex = r.int32();
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

  static write(w: Writer, v: number, o: AcknowledgePartition): void {
    w.int32(o.partitionIndex);
    w.compactArrayLength(o.acknowledgementBatches.length);
    for (let i4 = 0; i4 < o.acknowledgementBatches.length; i4++) AcknowledgementBatch.write(w, v, o.acknowledgementBatches[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AcknowledgePartition): number {
    let s = 0;
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
  static isDefault(o: AcknowledgePartition): boolean {
    return (o.partitionIndex === 0) &&
      (o.acknowledgementBatches.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class AcknowledgeTopic {
  /** The unique topic ID. Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The partitions containing records to acknowledge. Versions 0-0. */
  partitions: AcknowledgePartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AcknowledgeTopic {
    const o = new AcknowledgeTopic();
    o.topicId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: AcknowledgePartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AcknowledgePartition.read(r, v));
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

  static write(w: Writer, v: number, o: AcknowledgeTopic): void {
    w.uuid(o.topicId);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) AcknowledgePartition.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AcknowledgeTopic): number {
    let s = 0;
    s += 16;
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += AcknowledgePartition.size(v, o.partitions[i5]!);
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
  static isDefault(o: AcknowledgeTopic): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ShareAcknowledgeRequest: versions 0, flexible 0+. */
export class ShareAcknowledgeRequest {
  static readonly messageName = 'ShareAcknowledgeRequest';
  static readonly apiKey = 79;
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
  /** The topics containing records to acknowledge. Versions 0-0. */
  topics: AcknowledgeTopic[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ShareAcknowledgeRequest {
    const o = new ShareAcknowledgeRequest();
    o.groupId = r.compactNullableString();
    o.memberId = r.compactNullableString();
    o.shareSessionEpoch = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: AcknowledgeTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AcknowledgeTopic.read(r, v));
      o.topics = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ShareAcknowledgeRequest): void {
    w.compactNullableString(o.groupId);
    w.compactNullableString(o.memberId);
    w.int32(o.shareSessionEpoch);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) AcknowledgeTopic.write(w, v, o.topics[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ShareAcknowledgeRequest): number {
    let s = 0;
    s += (o.groupId === null ? 1 : sizeOfCompactString(o.groupId));
    s += (o.memberId === null ? 1 : sizeOfCompactString(o.memberId));
    s += 4;
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += AcknowledgeTopic.size(v, o.topics[i5]!);
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
  static isDefault(o: ShareAcknowledgeRequest): boolean {
    return (o.groupId === null) &&
      (o.memberId === "") &&
      (o.shareSessionEpoch === 0) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
