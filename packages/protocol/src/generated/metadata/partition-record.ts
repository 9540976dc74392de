// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/PartitionRecord.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** PartitionRecord: versions 0-2, flexible 0+. */
export class PartitionRecord {
  static readonly messageName = 'PartitionRecord';
  static readonly apiKey = 3;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The partition id. Versions 0-2. */
  partitionId: number = -1;
  /** The unique ID of this topic. Versions 0-2. */
  topicId: Uuid = ZERO_UUID;
  /** The replicas of this partition, sorted by preferred order. Versions 0-2. */
  replicas: number[] = [];
  /** The in-sync replicas of this partition Versions 0-2. */
  isr: number[] = [];
  /** The replicas that we are in the process of removing. Versions 0-2. */
  removingReplicas: number[] = [];
  /** The replicas that we are in the process of adding. Versions 0-2. */
  addingReplicas: number[] = [];
  /** The lead replica, or -1 if there is no leader. Versions 0-2. */
  leader: number = -1;
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. Versions 0-2. Tag 0. */
  leaderRecoveryState: number = 0;
  /** The epoch of the partition leader. Versions 0-2. */
  leaderEpoch: number = -1;
  /** An epoch that gets incremented each time we change anything in the partition. Versions 0-2. */
  partitionEpoch: number = -1;
  /** The log directory hosting each replica, sorted in the same exact order as the Replicas field. Versions 1-2. */
  directories: Uuid[] = [];
  /** The eligible leader replicas of this partition. Versions 2-2. Tag 1. */
  eligibleLeaderReplicas: number[] | null = null;
  /** The last known eligible leader replicas of this partition. Versions 2-2. Tag 2. */
  lastKnownElr: number[] | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionRecord {
    const o = new PartitionRecord();
    o.partitionId = r.int32();
    o.topicId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Replicas was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.replicas = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field Isr was null');
    } else {
      const a5: number[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(r.int32());
      o.isr = a5;
    }
    const n7 = r.compactArrayLength();
    if (n7 < 0) {
      r.fail('non-nullable field RemovingReplicas was null');
    } else {
      const a8: number[] = [];
      for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(r.int32());
      o.removingReplicas = a8;
    }
    const n10 = r.compactArrayLength();
    if (n10 < 0) {
      r.fail('non-nullable field AddingReplicas was null');
    } else {
      const a11: number[] = [];
      for (let i12 = 0; i12 < n10 && r.error === null; i12++) a11.push(r.int32());
      o.addingReplicas = a11;
    }
    o.leader = r.int32();
    o.leaderEpoch = r.int32();
    o.partitionEpoch = r.int32();
    if (v >= 1) {
      const n13 = r.compactArrayLength();
      if (n13 < 0) {
        r.fail('non-nullable field Directories was null');
      } else {
        const a14: Uuid[] = [];
        for (let i15 = 0; i15 < n13 && r.error === null; i15++) a14.push(r.uuid());
        o.directories = a14;
      }
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      const start = r.pos;
      if (tag === 0) {
        o.leaderRecoveryState = r.int8();
      } else if (tag === 1 && v >= 2) {
        const n16 = r.compactArrayLength();
        if (n16 < 0) {
          o.eligibleLeaderReplicas = null;
        } else {
          const a17: number[] = [];
          for (let i18 = 0; i18 < n16 && r.error === null; i18++) a17.push(r.int32());
          o.eligibleLeaderReplicas = a17;
        }
      } else if (tag === 2 && v >= 2) {
        const n19 = r.compactArrayLength();
        if (n19 < 0) {
          o.lastKnownElr = null;
        } else {
          const a20: number[] = [];
          for (let i21 = 0; i21 < n19 && r.error === null; i21++) a20.push(r.int32());
          o.lastKnownElr = a20;
        }
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionRecord): void {
    w.int32(o.partitionId);
    w.uuid(o.topicId);
    w.compactArrayLength(o.replicas.length);
    for (let i22 = 0; i22 < o.replicas.length; i22++) w.int32(o.replicas[i22]!);
    w.compactArrayLength(o.isr.length);
    for (let i23 = 0; i23 < o.isr.length; i23++) w.int32(o.isr[i23]!);
    w.compactArrayLength(o.removingReplicas.length);
    for (let i24 = 0; i24 < o.removingReplicas.length; i24++) w.int32(o.removingReplicas[i24]!);
    w.compactArrayLength(o.addingReplicas.length);
    for (let i25 = 0; i25 < o.addingReplicas.length; i25++) w.int32(o.addingReplicas[i25]!);
    w.int32(o.leader);
    w.int32(o.leaderEpoch);
    w.int32(o.partitionEpoch);
    if (v >= 1) {
      w.compactArrayLength(o.directories.length);
      for (let i26 = 0; i26 < o.directories.length; i26++) w.uuid(o.directories[i26]!);
    }
    if (!(v >= 1)) {
      if (!(o.directories.length === 0)) throw fieldNotSupported('Directories', v);
    }
    if (!(v >= 2)) {
      if (!(o.eligibleLeaderReplicas === null)) throw fieldNotSupported('EligibleLeaderReplicas', v);
    }
    if (!(v >= 2)) {
      if (!(o.lastKnownElr === null)) throw fieldNotSupported('LastKnownElr', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has29 = !(o.leaderRecoveryState === 0);
    if (has29) count++;
    const has32 = v >= 2 && !(o.eligibleLeaderReplicas === null);
    if (has32) count++;
    const has36 = v >= 2 && !(o.lastKnownElr === null);
    if (has36) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has29) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size30 = 0;
      size30 += 1;
      w.unsignedVarint(size30);
      w.int8(o.leaderRecoveryState);
    }
    if (has32) {
      ui = writeTaggedFieldsBelow(w, u, ui, 1);
      w.unsignedVarint(1);
      let size33 = 0;
      if (o.eligibleLeaderReplicas === null) size33 += 1;
      else {
        size33 += sizeOfCompactLength(o.eligibleLeaderReplicas.length) + o.eligibleLeaderReplicas.length * 4;
      }
      w.unsignedVarint(size33);
      if (o.eligibleLeaderReplicas === null) w.unsignedVarint(0);
      else {
        w.compactArrayLength(o.eligibleLeaderReplicas.length);
        for (let i34 = 0; i34 < o.eligibleLeaderReplicas.length; i34++) w.int32(o.eligibleLeaderReplicas[i34]!);
      }
    }
    if (has36) {
      ui = writeTaggedFieldsBelow(w, u, ui, 2);
      w.unsignedVarint(2);
      let size37 = 0;
      if (o.lastKnownElr === null) size37 += 1;
      else {
        size37 += sizeOfCompactLength(o.lastKnownElr.length) + o.lastKnownElr.length * 4;
      }
      w.unsignedVarint(size37);
      if (o.lastKnownElr === null) w.unsignedVarint(0);
      else {
        w.compactArrayLength(o.lastKnownElr.length);
        for (let i38 = 0; i38 < o.lastKnownElr.length; i38++) w.int32(o.lastKnownElr[i38]!);
      }
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: PartitionRecord): number {
    let s = 0;
    s += 4;
    s += 16;
    s += sizeOfCompactLength(o.replicas.length) + o.replicas.length * 4;
    s += sizeOfCompactLength(o.isr.length) + o.isr.length * 4;
    s += sizeOfCompactLength(o.removingReplicas.length) + o.removingReplicas.length * 4;
    s += sizeOfCompactLength(o.addingReplicas.length) + o.addingReplicas.length * 4;
    s += 4;
    s += 4;
    s += 4;
    if (v >= 1) {
      s += sizeOfCompactLength(o.directories.length) + o.directories.length * 16;
    }
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (!(o.leaderRecoveryState === 0)) {
      count++;
      let size31 = 0;
      size31 += 1;
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size31) + size31;
    }
    if (v >= 2 && !(o.eligibleLeaderReplicas === null)) {
      count++;
      let size35 = 0;
      if (o.eligibleLeaderReplicas === null) size35 += 1;
      else {
        size35 += sizeOfCompactLength(o.eligibleLeaderReplicas.length) + o.eligibleLeaderReplicas.length * 4;
      }
      s += sizeOfUnsignedVarint(1) + sizeOfUnsignedVarint(size35) + size35;
    }
    if (v >= 2 && !(o.lastKnownElr === null)) {
      count++;
      let size39 = 0;
      if (o.lastKnownElr === null) size39 += 1;
      else {
        size39 += sizeOfCompactLength(o.lastKnownElr.length) + o.lastKnownElr.length * 4;
      }
      s += sizeOfUnsignedVarint(2) + sizeOfUnsignedVarint(size39) + size39;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: PartitionRecord): boolean {
    return (o.partitionId === -1) &&
      (o.topicId === ZERO_UUID) &&
      (o.replicas.length === 0) &&
      (o.isr.length === 0) &&
      (o.removingReplicas.length === 0) &&
      (o.addingReplicas.length === 0) &&
      (o.leader === -1) &&
      (o.leaderRecoveryState === 0) &&
      (o.leaderEpoch === -1) &&
      (o.partitionEpoch === -1) &&
      (o.directories.length === 0) &&
      (o.eligibleLeaderReplicas === null) &&
      (o.lastKnownElr === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
