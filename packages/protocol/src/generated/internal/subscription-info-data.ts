// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/SubscriptionInfoData.json

import { EMPTY_BYTES, ZERO_UUID, fieldNotSupported, sizeOfString } from '../../codec-support.js';
import type { Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ClientTag {
  /** Versions 11-11. */
  key: Buffer = EMPTY_BYTES;
  /** Versions 11-11. */
  value: Buffer = EMPTY_BYTES;

  static read(r: Reader, v: number): ClientTag {
    const o = new ClientTag();
    if (v >= 11) {
      o.key = r.bytes();
    }
    if (v >= 11) {
      o.value = r.bytes();
    }
    return o;
  }

  static write(w: Writer, v: number, o: ClientTag): void {
    if (v >= 11) {
      w.bytes(o.key);
    }
    if (!(v >= 11)) {
      if (!(o.key.length === 0)) throw fieldNotSupported('key', v);
    }
    if (v >= 11) {
      w.bytes(o.value);
    }
    if (!(v >= 11)) {
      if (!(o.value.length === 0)) throw fieldNotSupported('value', v);
    }
  }

  static size(v: number, o: ClientTag): number {
    let s = 0;
    if (v >= 11) {
      s += 4 + o.key.length;
    }
    if (v >= 11) {
      s += 4 + o.value.length;
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ClientTag): boolean {
    return (o.key.length === 0) &&
      (o.value.length === 0);
  }
}

export class PartitionToOffsetSum {
  /** Versions 7-9. */
  partition: number = 0;
  /** Versions 7-9. */
  offsetSum: bigint = 0n;

  static read(r: Reader, v: number): PartitionToOffsetSum {
    const o = new PartitionToOffsetSum();
    if (v >= 7 && v <= 9) {
      o.partition = r.int32();
    }
    if (v >= 7 && v <= 9) {
      o.offsetSum = r.int64();
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionToOffsetSum): void {
    if (v >= 7 && v <= 9) {
      w.int32(o.partition);
    }
    if (!(v >= 7 && v <= 9)) {
      if (!(o.partition === 0)) throw fieldNotSupported('partition', v);
    }
    if (v >= 7 && v <= 9) {
      w.int64(o.offsetSum);
    }
    if (!(v >= 7 && v <= 9)) {
      if (!(o.offsetSum === 0n)) throw fieldNotSupported('offsetSum', v);
    }
  }

  static size(v: number, o: PartitionToOffsetSum): number {
    let s = 0;
    if (v >= 7 && v <= 9) {
      s += 4;
    }
    if (v >= 7 && v <= 9) {
      s += 8;
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: PartitionToOffsetSum): boolean {
    return (o.partition === 0) &&
      (o.offsetSum === 0n);
  }
}

export class TaskOffsetSum {
  /** Versions 7-11. */
  topicGroupId: number = 0;
  /** Versions 10-11. */
  partition: number = 0;
  /** Versions 10-11. */
  offsetSum: bigint = 0n;
  /** Versions 10-11. */
  namedTopology: string | null = "";
  /** Versions 7-9. */
  partitionToOffsetSum: PartitionToOffsetSum[] = [];

  static read(r: Reader, v: number): TaskOffsetSum {
    const o = new TaskOffsetSum();
    if (v >= 7) {
      o.topicGroupId = r.int32();
    }
    if (v >= 10) {
      o.partition = r.int32();
    }
    if (v >= 10) {
      o.offsetSum = r.int64();
    }
    if (v >= 10) {
      o.namedTopology = r.nullableString();
    }
    if (v >= 7 && v <= 9) {
      const n1 = r.arrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field partitionToOffsetSum was null');
      } else {
        const a2: PartitionToOffsetSum[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionToOffsetSum.read(r, v));
        o.partitionToOffsetSum = a2;
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: TaskOffsetSum): void {
    if (v >= 7) {
      w.int32(o.topicGroupId);
    }
    if (!(v >= 7)) {
      if (!(o.topicGroupId === 0)) throw fieldNotSupported('topicGroupId', v);
    }
    if (v >= 10) {
      w.int32(o.partition);
    }
    if (!(v >= 10)) {
      if (!(o.partition === 0)) throw fieldNotSupported('partition', v);
    }
    if (v >= 10) {
      w.int64(o.offsetSum);
    }
    if (!(v >= 10)) {
      if (!(o.offsetSum === 0n)) throw fieldNotSupported('offsetSum', v);
    }
    if (v >= 10) {
      w.nullableString(o.namedTopology);
    }
    if (!(v >= 10)) {
      if (!(o.namedTopology === "")) throw fieldNotSupported('namedTopology', v);
    }
    if (v >= 7 && v <= 9) {
      w.arrayLength(o.partitionToOffsetSum.length);
      for (let i4 = 0; i4 < o.partitionToOffsetSum.length; i4++) PartitionToOffsetSum.write(w, v, o.partitionToOffsetSum[i4]!);
    }
    if (!(v >= 7 && v <= 9)) {
      if (!(o.partitionToOffsetSum.length === 0)) throw fieldNotSupported('partitionToOffsetSum', v);
    }
  }

  static size(v: number, o: TaskOffsetSum): number {
    let s = 0;
    if (v >= 7) {
      s += 4;
    }
    if (v >= 10) {
      s += 4;
    }
    if (v >= 10) {
      s += 8;
    }
    if (v >= 10) {
      s += (o.namedTopology === null ? 2 : sizeOfString(o.namedTopology));
    }
    if (v >= 7 && v <= 9) {
      s += 4;
      for (let i5 = 0; i5 < o.partitionToOffsetSum.length; i5++) s += PartitionToOffsetSum.size(v, o.partitionToOffsetSum[i5]!);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: TaskOffsetSum): boolean {
    return (o.topicGroupId === 0) &&
      (o.partition === 0) &&
      (o.offsetSum === 0n) &&
      (o.namedTopology === "") &&
      (o.partitionToOffsetSum.length === 0);
  }
}

export class TaskId {
  /** Versions 1-6. */
  topicGroupId: number = 0;
  /** Versions 1-6. */
  partition: number = 0;

  static read(r: Reader, v: number): TaskId {
    const o = new TaskId();
    if (v <= 6) {
      o.topicGroupId = r.int32();
    }
    if (v <= 6) {
      o.partition = r.int32();
    }
    return o;
  }

  static write(w: Writer, v: number, o: TaskId): void {
    if (v <= 6) {
      w.int32(o.topicGroupId);
    }
    if (!(v <= 6)) {
      if (!(o.topicGroupId === 0)) throw fieldNotSupported('topicGroupId', v);
    }
    if (v <= 6) {
      w.int32(o.partition);
    }
    if (!(v <= 6)) {
      if (!(o.partition === 0)) throw fieldNotSupported('partition', v);
    }
  }

  static size(v: number, o: TaskId): number {
    let s = 0;
    if (v <= 6) {
      s += 4;
    }
    if (v <= 6) {
      s += 4;
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: TaskId): boolean {
    return (o.topicGroupId === 0) &&
      (o.partition === 0);
  }
}

/** SubscriptionInfoData: versions 1-11, flexible none. */
export class SubscriptionInfoData {
  static readonly messageName = 'SubscriptionInfoData';
  static readonly lowestVersion = 1;
  static readonly highestVersion = 11;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** Versions 1-11. */
  version: number = 0;
  /** Versions 3-11. */
  latestSupportedVersion: number = -1;
  /** Versions 1-11. */
  processId: Uuid = ZERO_UUID;
  /** Versions 1-6. */
  prevTasks: TaskId[] = [];
  /** Versions 1-6. */
  standbyTasks: TaskId[] = [];
  /** Versions 2-11. */
  userEndPoint: Buffer = EMPTY_BYTES;
  /** Versions 7-11. */
  taskOffsetSums: TaskOffsetSum[] = [];
  /** Versions 8-11. */
  uniqueField: number = 0;
  /** Versions 9-11. */
  errorCode: number = 0;
  /** Versions 11-11. */
  clientTags: ClientTag[] = [];

  static read(r: Reader, v: number): SubscriptionInfoData {
    const o = new SubscriptionInfoData();
    o.version = r.int32();
    if (v >= 3) {
      o.latestSupportedVersion = r.int32();
    }
    o.processId = r.uuid();
    if (v <= 6) {
      const n1 = r.arrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field prevTasks was null');
      } else {
        const a2: TaskId[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TaskId.read(r, v));
        o.prevTasks = a2;
      }
    }
    if (v <= 6) {
      const n4 = r.arrayLength();
      if (n4 < 0) {
        r.fail('non-nullable field standbyTasks was null');
      } else {
        const a5: TaskId[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(TaskId.read(r, v));
        o.standbyTasks = a5;
      }
    }
    if (v >= 2) {
      o.userEndPoint = r.bytes();
    }
    if (v >= 7) {
      const n7 = r.arrayLength();
      if (n7 < 0) {
        r.fail('non-nullable field taskOffsetSums was null');
      } else {
        const a8: TaskOffsetSum[] = [];
        for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(TaskOffsetSum.read(r, v));
        o.taskOffsetSums = a8;
      }
    }
    if (v >= 8) {
      o.uniqueField = r.int8();
    }
    if (v >= 9) {
      o.errorCode = r.int32();
    }
    if (v >= 11) {
      const n10 = r.arrayLength();
      if (n10 < 0) {
        r.fail('non-nullable field clientTags was null');
      } else {
        const a11: ClientTag[] = [];
        for (let i12 = 0; i12 < n10 && r.error === null; i12++) a11.push(ClientTag.read(r, v));
        o.clientTags = a11;
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: SubscriptionInfoData): void {
    w.int32(o.version);
    if (v >= 3) {
      w.int32(o.latestSupportedVersion);
    }
    if (!(v >= 3)) {
      if (!(o.latestSupportedVersion === -1)) throw fieldNotSupported('latestSupportedVersion', v);
    }
    w.uuid(o.processId);
    if (v <= 6) {
      w.arrayLength(o.prevTasks.length);
      for (let i13 = 0; i13 < o.prevTasks.length; i13++) TaskId.write(w, v, o.prevTasks[i13]!);
    }
    if (!(v <= 6)) {
      if (!(o.prevTasks.length === 0)) throw fieldNotSupported('prevTasks', v);
    }
    if (v <= 6) {
      w.arrayLength(o.standbyTasks.length);
      for (let i14 = 0; i14 < o.standbyTasks.length; i14++) TaskId.write(w, v, o.standbyTasks[i14]!);
    }
    if (!(v <= 6)) {
      if (!(o.standbyTasks.length === 0)) throw fieldNotSupported('standbyTasks', v);
    }
    if (v >= 2) {
      w.bytes(o.userEndPoint);
    }
    if (!(v >= 2)) {
      if (!(o.userEndPoint.length === 0)) throw fieldNotSupported('userEndPoint', v);
    }
    if (v >= 7) {
      w.arrayLength(o.taskOffsetSums.length);
      for (let i15 = 0; i15 < o.taskOffsetSums.length; i15++) TaskOffsetSum.write(w, v, o.taskOffsetSums[i15]!);
    }
    if (!(v >= 7)) {
      if (!(o.taskOffsetSums.length === 0)) throw fieldNotSupported('taskOffsetSums', v);
    }
    if (v >= 8) {
      w.int8(o.uniqueField);
    }
    if (!(v >= 8)) {
      if (!(o.uniqueField === 0)) throw fieldNotSupported('uniqueField', v);
    }
    if (v >= 9) {
      w.int32(o.errorCode);
    }
    if (!(v >= 9)) {
      if (!(o.errorCode === 0)) throw fieldNotSupported('errorCode', v);
    }
    if (v >= 11) {
      w.arrayLength(o.clientTags.length);
      for (let i16 = 0; i16 < o.clientTags.length; i16++) ClientTag.write(w, v, o.clientTags[i16]!);
    }
    if (!(v >= 11)) {
      if (!(o.clientTags.length === 0)) throw fieldNotSupported('clientTags', v);
    }
  }

  static size(v: number, o: SubscriptionInfoData): number {
    let s = 0;
    s += 4;
    if (v >= 3) {
      s += 4;
    }
    s += 16;
    if (v <= 6) {
      s += 4;
      for (let i17 = 0; i17 < o.prevTasks.length; i17++) s += TaskId.size(v, o.prevTasks[i17]!);
    }
    if (v <= 6) {
      s += 4;
      for (let i18 = 0; i18 < o.standbyTasks.length; i18++) s += TaskId.size(v, o.standbyTasks[i18]!);
    }
    if (v >= 2) {
      s += 4 + o.userEndPoint.length;
    }
    if (v >= 7) {
      s += 4;
      for (let i19 = 0; i19 < o.taskOffsetSums.length; i19++) s += TaskOffsetSum.size(v, o.taskOffsetSums[i19]!);
    }
    if (v >= 8) {
      s += 1;
    }
    if (v >= 9) {
      s += 4;
    }
    if (v >= 11) {
      s += 4;
      for (let i20 = 0; i20 < o.clientTags.length; i20++) s += ClientTag.size(v, o.clientTags[i20]!);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: SubscriptionInfoData): boolean {
    return (o.version === 0) &&
      (o.latestSupportedVersion === -1) &&
      (o.processId === ZERO_UUID) &&
      (o.prevTasks.length === 0) &&
      (o.standbyTasks.length === 0) &&
      (o.userEndPoint.length === 0) &&
      (o.taskOffsetSums.length === 0) &&
      (o.uniqueField === 0) &&
      (o.errorCode === 0) &&
      (o.clientTags.length === 0);
  }
}
