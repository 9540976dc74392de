// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AlterReplicaLogDirsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class AlterReplicaLogDirPartitionResult {
  /** The partition index. Versions 0-2. */
  partitionIndex: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-2. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterReplicaLogDirPartitionResult {
    const o = new AlterReplicaLogDirPartitionResult();
    const flexible = v >= 2;
    o.partitionIndex = r.int32();
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

  static write(w: Writer, v: number, o: AlterReplicaLogDirPartitionResult): void {
    const flexible = v >= 2;
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AlterReplicaLogDirPartitionResult): number {
    let s = 0;
    const flexible = v >= 2;
    s += 4;
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
  static isDefault(o: AlterReplicaLogDirPartitionResult): boolean {
    return (o.partitionIndex === 0) &&
      (o.errorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class AlterReplicaLogDirTopicResult {
  /** The name of the topic. Versions 0-2. */
  topicName: string = "";
  /** The results for each partition. Versions 0-2. */
  partitions: AlterReplicaLogDirPartitionResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterReplicaLogDirTopicResult {
    const o = new AlterReplicaLogDirTopicResult();
    const flexible = v >= 2;
    o.topicName = (v >= 2 ? r.compactString() : r.string());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: AlterReplicaLogDirPartitionResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AlterReplicaLogDirPartitionResult.read(r, v));
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

  static write(w: Writer, v: number, o: AlterReplicaLogDirTopicResult): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.topicName);
    else w.string(o.topicName);
    if (v >= 2) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) AlterReplicaLogDirPartitionResult.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AlterReplicaLogDirTopicResult): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.topicName) : sizeOfString(o.topicName));
    s += (v >= 2 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += AlterReplicaLogDirPartitionResult.size(v, o.partitions[i5]!);
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
  static isDefault(o: AlterReplicaLogDirTopicResult): boolean {
    return (o.topicName === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** AlterReplicaLogDirsResponse: versions 0-2, flexible 2+. */
export class AlterReplicaLogDirsResponse {
  static readonly messageName = 'AlterReplicaLogDirsResponse';
  static readonly apiKey = 34;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number = 0;
  /** The results for each topic. Versions 0-2. */
  results: AlterReplicaLogDirTopicResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterReplicaLogDirsResponse {
    const o = new AlterReplicaLogDirsResponse();
    const flexible = v >= 2;
    o.throttleTimeMs = r.int32();
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Results was null');
    } else {
      const a2: AlterReplicaLogDirTopicResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AlterReplicaLogDirTopicResult.read(r, v));
      o.results = a2;
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

  static write(w: Writer, v: number, o: AlterReplicaLogDirsResponse): void {
    const flexible = v >= 2;
    w.int32(o.throttleTimeMs);
    if (v >= 2) w.compactArrayLength(o.results.length);
    else w.arrayLength(o.results.length);
    for (let i4 = 0; i4 < o.results.length; i4++) AlterReplicaLogDirTopicResult.write(w, v, o.results[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AlterReplicaLogDirsResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 4;
    s += (v >= 2 ? sizeOfCompactLength(o.results.length) : 4);
    for (let i5 = 0; i5 < o.results.length; i5++) s += AlterReplicaLogDirTopicResult.size(v, o.results[i5]!);
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
  static isDefault(o: AlterReplicaLogDirsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.results.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
