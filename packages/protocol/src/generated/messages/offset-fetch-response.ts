// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/OffsetFetchResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class OffsetFetchResponsePartitions {
  /** The partition index. Versions 8-9. */
  partitionIndex: number = 0;
  /** The committed message offset. Versions 8-9. */
  committedOffset: bigint = 0n;
  /** The leader epoch. Versions 8-9. */
  committedLeaderEpoch: number = -1;
  /** The partition metadata. Versions 8-9. */
  metadata: string | null = "";
  /** The partition-level error code, or 0 if there was no error. Versions 8-9. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetFetchResponsePartitions {
    const o = new OffsetFetchResponsePartitions();
    o.partitionIndex = r.int32();
    o.committedOffset = r.int64();
    o.committedLeaderEpoch = r.int32();
    o.metadata = r.compactNullableString();
    o.errorCode = r.int16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: OffsetFetchResponsePartitions): void {
    w.int32(o.partitionIndex);
    w.int64(o.committedOffset);
    w.int32(o.committedLeaderEpoch);
    w.compactNullableString(o.metadata);
    w.int16(o.errorCode);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: OffsetFetchResponsePartitions): number {
    let s = 0;
    s += 4;
    s += 8;
    s += 4;
    s += (o.metadata === null ? 1 : sizeOfCompactString(o.metadata));
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
  static isDefault(o: OffsetFetchResponsePartitions): boolean {
    return (o.partitionIndex === 0) &&
      (o.committedOffset === 0n) &&
      (o.committedLeaderEpoch === -1) &&
      (o.metadata === "") &&
      (o.errorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class OffsetFetchResponseTopics {
  /** The topic name. Versions 8-9. */
  name: string = "";
  /** The responses per partition Versions 8-9. */
  partitions: OffsetFetchResponsePartitions[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetFetchResponseTopics {
    const o = new OffsetFetchResponseTopics();
    o.name = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: OffsetFetchResponsePartitions[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetFetchResponsePartitions.read(r, v));
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

  static write(w: Writer, v: number, o: OffsetFetchResponseTopics): void {
    w.compactString(o.name);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) OffsetFetchResponsePartitions.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: OffsetFetchResponseTopics): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += OffsetFetchResponsePartitions.size(v, o.partitions[i5]!);
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
  static isDefault(o: OffsetFetchResponseTopics): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class OffsetFetchResponseGroup {
  /** The group ID. Versions 8-9. */
  groupId: string = "";
  /** The responses per topic. Versions 8-9. */
  topics: OffsetFetchResponseTopics[] = [];
  /** The group-level error code, or 0 if there was no error. Versions 8-9. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetFetchResponseGroup {
    const o = new OffsetFetchResponseGroup();
    o.groupId = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: OffsetFetchResponseTopics[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetFetchResponseTopics.read(r, v));
      o.topics = a2;
    }
    o.errorCode = r.int16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: OffsetFetchResponseGroup): void {
    w.compactString(o.groupId);
    w.compactArrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) OffsetFetchResponseTopics.write(w, v, o.topics[i4]!);
    w.int16(o.errorCode);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: OffsetFetchResponseGroup): number {
    let s = 0;
    s += sizeOfCompactString(o.groupId);
    s += sizeOfCompactLength(o.topics.length);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += OffsetFetchResponseTopics.size(v, o.topics[i5]!);
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
  static isDefault(o: OffsetFetchResponseGroup): boolean {
    return (o.groupId === "") &&
      (o.topics.length === 0) &&
      (o.errorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class OffsetFetchResponsePartition {
  /** The partition index. Versions 0-7. */
  partitionIndex: number = 0;
  /** The committed message offset. Versions 0-7. */
  committedOffset: bigint = 0n;
  /** The leader epoch. Versions 5-7. */
  committedLeaderEpoch: number = -1;
  /** The partition metadata. Versions 0-7. */
  metadata: string | null = "";
  /** The error code, or 0 if there was no error. Versions 0-7. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetFetchResponsePartition {
    const o = new OffsetFetchResponsePartition();
    const flexible = v >= 6;
    o.partitionIndex = r.int32();
    o.committedOffset = r.int64();
    if (v >= 5) {
      o.committedLeaderEpoch = r.int32();
    }
    o.metadata = (v >= 6 ? r.compactNullableString() : r.nullableString());
    o.errorCode = r.int16();
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

  static write(w: Writer, v: number, o: OffsetFetchResponsePartition): void {
    const flexible = v >= 6;
    w.int32(o.partitionIndex);
    w.int64(o.committedOffset);
    if (v >= 5) {
      w.int32(o.committedLeaderEpoch);
    }
    if (v >= 6) w.compactNullableString(o.metadata);
    else w.nullableString(o.metadata);
    w.int16(o.errorCode);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetFetchResponsePartition): number {
    let s = 0;
    const flexible = v >= 6;
    s += 4;
    s += 8;
    if (v >= 5) {
      s += 4;
    }
    s += (o.metadata === null ? (v >= 6 ? 1 : 2) : (v >= 6 ? sizeOfCompactString(o.metadata) : sizeOfString(o.metadata)));
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
  static isDefault(o: OffsetFetchResponsePartition): boolean {
    return (o.partitionIndex === 0) &&
      (o.committedOffset === 0n) &&
      (o.committedLeaderEpoch === -1) &&
      (o.metadata === "") &&
      (o.errorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class OffsetFetchResponseTopic {
  /** The topic name. Versions 0-7. */
  name: string = "";
  /** The responses per partition Versions 0-7. */
  partitions: OffsetFetchResponsePartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetFetchResponseTopic {
    const o = new OffsetFetchResponseTopic();
    const flexible = v >= 6;
    o.name = (v >= 6 ? r.compactString() : r.string());
    const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: OffsetFetchResponsePartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetFetchResponsePartition.read(r, v));
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

  static write(w: Writer, v: number, o: OffsetFetchResponseTopic): void {
    const flexible = v >= 6;
    if (v >= 6) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 6) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) OffsetFetchResponsePartition.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetFetchResponseTopic): number {
    let s = 0;
    const flexible = v >= 6;
    s += (v >= 6 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 6 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += OffsetFetchResponsePartition.size(v, o.partitions[i5]!);
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
  static isDefault(o: OffsetFetchResponseTopic): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** OffsetFetchResponse: versions 0-9, flexible 6+. */
export class OffsetFetchResponse {
  static readonly messageName = 'OffsetFetchResponse';
  static readonly apiKey = 9;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 9;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 6;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 3-9. */
  throttleTimeMs: number = 0;
  /** The responses per topic. Versions 0-7. */
  topics: OffsetFetchResponseTopic[] = [];
  /** The top-level error code, or 0 if there was no error. Versions 2-7. */
  errorCode: number = 0;
  /** The responses per group id. Versions 8-9. */
  groups: OffsetFetchResponseGroup[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): OffsetFetchResponse {
    const o = new OffsetFetchResponse();
    const flexible = v >= 6;
    if (v >= 3) {
      o.throttleTimeMs = r.int32();
    }
    if (v <= 7) {
      const n1 = (v >= 6 ? r.compactArrayLength() : r.arrayLength());
      if (n1 < 0) {
        r.fail('non-nullable field Topics was null');
      } else {
        const a2: OffsetFetchResponseTopic[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(OffsetFetchResponseTopic.read(r, v));
        o.topics = a2;
      }
    }
    if (v >= 2 && v <= 7) {
      o.errorCode = r.int16();
    }
    if (v >= 8) {
      const n4 = r.compactArrayLength();
      if (n4 < 0) {
        r.fail('non-nullable field Groups was null');
      } else {
        const a5: OffsetFetchResponseGroup[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(OffsetFetchResponseGroup.read(r, v));
        o.groups = a5;
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

  static write(w: Writer, v: number, o: OffsetFetchResponse): void {
    const flexible = v >= 6;
    if (v >= 3) {
      w.int32(o.throttleTimeMs);
    }
    if (v <= 7) {
      if (v >= 6) w.compactArrayLength(o.topics.length);
      else w.arrayLength(o.topics.length);
      for (let i7 = 0; i7 < o.topics.length; i7++) OffsetFetchResponseTopic.write(w, v, o.topics[i7]!);
    }
    if (!(v <= 7)) {
      if (!(o.topics.length === 0)) throw fieldNotSupported('Topics', v);
    }
    if (v >= 2 && v <= 7) {
      w.int16(o.errorCode);
    }
    if (v >= 8) {
      w.compactArrayLength(o.groups.length);
      for (let i8 = 0; i8 < o.groups.length; i8++) OffsetFetchResponseGroup.write(w, v, o.groups[i8]!);
    }
    if (!(v >= 8)) {
      if (!(o.groups.length === 0)) throw fieldNotSupported('Groups', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: OffsetFetchResponse): number {
    let s = 0;
    const flexible = v >= 6;
    if (v >= 3) {
      s += 4;
    }
    if (v <= 7) {
      s += (v >= 6 ? sizeOfCompactLength(o.topics.length) : 4);
      for (let i9 = 0; i9 < o.topics.length; i9++) s += OffsetFetchResponseTopic.size(v, o.topics[i9]!);
    }
    if (v >= 2 && v <= 7) {
      s += 2;
    }
    if (v >= 8) {
      s += sizeOfCompactLength(o.groups.length);
      for (let i10 = 0; i10 < o.groups.length; i10++) s += OffsetFetchResponseGroup.size(v, o.groups[i10]!);
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
  static isDefault(o: OffsetFetchResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.topics.length === 0) &&
      (o.errorCode === 0) &&
      (o.groups.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
