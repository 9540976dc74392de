// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeLogDirsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DescribeLogDirsPartition {
  /** The partition index. Versions 0-4. */
  partitionIndex: number = 0;
  /** The size of the log segments in this partition in bytes. Versions 0-4. */
  partitionSize: bigint = 0n;
  /** The lag of the log's LEO w.r.t. partition's HW (if it is the current log for the partition) or current replica's LEO (if it is the future log for the partition) Versions 0-4. */
  offsetLag: bigint = 0n;
  /** True if this log is created by AlterReplicaLogDirsRequest and will replace the current log of the replica in the future. Versions 0-4. */
  isFutureKey: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeLogDirsPartition {
    const o = new DescribeLogDirsPartition();
    const flexible = v >= 2;
    o.partitionIndex = r.int32();
    o.partitionSize = r.int64();
    o.offsetLag = r.int64();
    o.isFutureKey = r.bool();
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

  static write(w: Writer, v: number, o: DescribeLogDirsPartition): void {
    const flexible = v >= 2;
    w.int32(o.partitionIndex);
    w.int64(o.partitionSize);
    w.int64(o.offsetLag);
    w.bool(o.isFutureKey);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeLogDirsPartition): number {
    let s = 0;
    const flexible = v >= 2;
    s += 4;
    s += 8;
    s += 8;
    s += 1;
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
  static isDefault(o: DescribeLogDirsPartition): boolean {
    return (o.partitionIndex === 0) &&
      (o.partitionSize === 0n) &&
      (o.offsetLag === 0n) &&
      (o.isFutureKey === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DescribeLogDirsTopic {
  /** The topic name. Versions 0-4. */
  name: string = "";
  /** Versions 0-4. */
  partitions: DescribeLogDirsPartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeLogDirsTopic {
    const o = new DescribeLogDirsTopic();
    const flexible = v >= 2;
    o.name = (v >= 2 ? r.compactString() : r.string());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: DescribeLogDirsPartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeLogDirsPartition.read(r, v));
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

  static write(w: Writer, v: number, o: DescribeLogDirsTopic): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 2) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) DescribeLogDirsPartition.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeLogDirsTopic): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 2 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += DescribeLogDirsPartition.size(v, o.partitions[i5]!);
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
  static isDefault(o: DescribeLogDirsTopic): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DescribeLogDirsResult {
  /** The error code, or 0 if there was no error. Versions 0-4. */
  errorCode: number = 0;
  /** The absolute log directory path. Versions 0-4. */
  logDir: string = "";
  /** Each topic. Versions 0-4. */
  topics: DescribeLogDirsTopic[] = [];
  /** The total size in bytes of the volume the log directory is in. Versions 4-4. */
  totalBytes: bigint = -1n;
  /** The usable size in bytes of the volume the log directory is in. Versions 4-4. */
  usableBytes: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeLogDirsResult {
    const o = new DescribeLogDirsResult();
    const flexible = v >= 2;
    o.errorCode = r.int16();
    o.logDir = (v >= 2 ? r.compactString() : r.string());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: DescribeLogDirsTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeLogDirsTopic.read(r, v));
      o.topics = a2;
    }
    if (v >= 4) {
      o.totalBytes = r.int64();
    }
    if (v >= 4) {
      o.usableBytes = r.int64();
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

  static write(w: Writer, v: number, o: DescribeLogDirsResult): void {
    const flexible = v >= 2;
    w.int16(o.errorCode);
    if (v >= 2) w.compactString(o.logDir);
    else w.string(o.logDir);
    if (v >= 2) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) DescribeLogDirsTopic.write(w, v, o.topics[i4]!);
    if (v >= 4) {
      w.int64(o.totalBytes);
    }
    if (v >= 4) {
      w.int64(o.usableBytes);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeLogDirsResult): number {
    let s = 0;
    const flexible = v >= 2;
    s += 2;
    s += (v >= 2 ? sizeOfCompactString(o.logDir) : sizeOfString(o.logDir));
    s += (v >= 2 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += DescribeLogDirsTopic.size(v, o.topics[i5]!);
    if (v >= 4) {
      s += 8;
    }
    if (v >= 4) {
      s += 8;
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
  static isDefault(o: DescribeLogDirsResult): boolean {
    return (o.errorCode === 0) &&
      (o.logDir === "") &&
      (o.topics.length === 0) &&
      (o.totalBytes === -1n) &&
      (o.usableBytes === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeLogDirsResponse: versions 0-4, flexible 2+. */
export class DescribeLogDirsResponse {
  static readonly messageName = 'DescribeLogDirsResponse';
  static readonly apiKey = 35;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-4. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error. Versions 3-4. */
  errorCode: number = 0;
  /** The log directories. Versions 0-4. */
  results: DescribeLogDirsResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeLogDirsResponse {
    const o = new DescribeLogDirsResponse();
    const flexible = v >= 2;
    o.throttleTimeMs = r.int32();
    if (v >= 3) {
      o.errorCode = r.int16();
    }
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Results was null');
    } else {
      const a2: DescribeLogDirsResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeLogDirsResult.read(r, v));
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

  static write(w: Writer, v: number, o: DescribeLogDirsResponse): void {
    const flexible = v >= 2;
    w.int32(o.throttleTimeMs);
    if (v >= 3) {
      w.int16(o.errorCode);
    }
    if (v >= 2) w.compactArrayLength(o.results.length);
    else w.arrayLength(o.results.length);
    for (let i4 = 0; i4 < o.results.length; i4++) DescribeLogDirsResult.write(w, v, o.results[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeLogDirsResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 4;
    if (v >= 3) {
      s += 2;
    }
    s += (v >= 2 ? sizeOfCompactLength(o.results.length) : 4);
    for (let i5 = 0; i5 < o.results.length; i5++) s += DescribeLogDirsResult.size(v, o.results[i5]!);
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
  static isDefault(o: DescribeLogDirsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.results.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
