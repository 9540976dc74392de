// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/PartitionChangeRecord.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** PartitionChangeRecord: versions 0-2, flexible 0+. */
export class PartitionChangeRecord {
  static readonly messageName = 'PartitionChangeRecord';
  static readonly apiKey = 5;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The partition id. Versions 0-2. */
  partitionId: number = -1;
  /** The unique ID of this topic. Versions 0-2. */
  topicId: Uuid = ZERO_UUID;
  /** null if the ISR didn't change; the new in-sync replicas otherwise. Versions 0-2. Tag 0. */
  isr: number[] | null = null;
  /** -1 if there is now no leader; -2 if the leader didn't change; the new leader otherwise. Versions 0-2. Tag 1. */
  leader: number = -2;
  /** null if the replicas didn't change; the new replicas otherwise. Versions 0-2. Tag 2. */
  replicas: number[] | null = null;
  /** null if the removing replicas didn't change; the new removing replicas otherwise. Versions 0-2. Tag 3. */
  removingReplicas: number[] | null = null;
  /** null if the adding replicas didn't change; the new adding replicas otherwise. Versions 0-2. Tag 4. */
  addingReplicas: number[] | null = null;
  /** -1 if it didn't change; 0 if the leader was elected from the ISR or recovered from an unclean election; 1 if the leader that was elected using unclean leader election and it is still recovering. Versions 0-2. Tag 5. */
  leaderRecoveryState: number = -1;
  /** null if the log dirs didn't change; the new log directory for each replica otherwise. Versions 1-2. Tag 8. */
  directories: Uuid[] | null = null;
  /** null if the ELR didn't change; the new eligible leader replicas otherwise. Versions 2-2. Tag 6. */
  eligibleLeaderReplicas: number[] | null = null;
  /** null if the LastKnownElr didn't change; the last known eligible leader replicas otherwise. Versions 2-2. Tag 7. */
  lastKnownElr: number[] | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionChangeRecord {
    const o = new PartitionChangeRecord();
    o.partitionId = r.int32();
    o.topicId = r.uuid();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      const start = r.pos;
      if (tag === 0) {
        const n1 = r.compactArrayLength();
        if (n1 < 0) {
          o.isr = null;
        } else {
          const a2: number[] = [];
          for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
          o.isr = a2;
        }
      } else if (tag === 1) {
        o.leader = r.int32();
      } else if (tag === 2) {
        const n4 = r.compactArrayLength();
        if (n4 < 0) {
          o.replicas = null;
        } else {
          const a5: number[] = [];
          for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(r.int32());
          o.replicas = a5;
        }
      } else if (tag === 3) {
        const n7 = r.compactArrayLength();
        if (n7 < 0) {
          o.removingReplicas = null;
        } else {
          const a8: number[] = [];
          for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(r.int32());
          o.removingReplicas = a8;
        }
      } else if (tag === 4) {
        const n10 = r.compactArrayLength();
        if (n10 < 0) {
          o.addingReplicas = null;
        } else {
          const a11: number[] = [];
          for (let i12 = 0; i12 < n10 && r.error === null; i12++) a11.push(r.int32());
          o.addingReplicas = a11;
        }
      } else if (tag === 5) {
        o.leaderRecoveryState = r.int8();
      } else if (tag === 6 && v >= 2) {
        const n13 = r.compactArrayLength();
        if (n13 < 0) {
          o.eligibleLeaderReplicas = null;
        } else {
          const a14: number[] = [];
          for (let i15 = 0; i15 < n13 && r.error === null; i15++) a14.push(r.int32());
          o.eligibleLeaderReplicas = a14;
        }
      } else if (tag === 7 && v >= 2) {
        const n16 = r.compactArrayLength();
        if (n16 < 0) {
          o.lastKnownElr = null;
        } else {
          const a17: number[] = [];
          for (let i18 = 0; i18 < n16 && r.error === null; i18++) a17.push(r.int32());
          o.lastKnownElr = a17;
        }
      } else if (tag === 8 && v >= 1) {
        const n19 = r.compactArrayLength();
        if (n19 < 0) {
          o.directories = null;
        } else {
          const a20: Uuid[] = [];
          for (let i21 = 0; i21 < n19 && r.error === null; i21++) a20.push(r.uuid());
          o.directories = a20;
        }
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionChangeRecord): void {
    w.int32(o.partitionId);
    w.uuid(o.topicId);
    if (!(v >= 1)) {
      if (!(o.directories === null)) throw fieldNotSupported('Directories', v);
    }
    if (!(v >= 2)) {
      if (!(o.eligibleLeaderReplicas === null)) throw fieldNotSupported('EligibleLeaderReplicas', v);
    }
    if (!(v >= 2)) {
      if (!(o.lastKnownElr === null)) throw fieldNotSupported('LastKnownElr', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has29 = !(o.isr === null);
    if (has29) count++;
    const has33 = !(o.leader === -2);
    if (has33) count++;
    const has36 = !(o.replicas === null);
    if (has36) count++;
    const has40 = !(o.removingReplicas === null);
    if (has40) count++;
    const has44 = !(o.addingReplicas === null);
    if (has44) count++;
    const has48 = !(o.leaderRecoveryState === -1);
    if (has48) count++;
    const has51 = v >= 2 && !(o.eligibleLeaderReplicas === null);
    if (has51) count++;
    const has55 = v >= 2 && !(o.lastKnownElr === null);
    if (has55) count++;
    const has59 = v >= 1 && !(o.directories === null);
    if (has59) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has29) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size30 = 0;
      if (o.isr === null) size30 += 1;
      else {
        size30 += sizeOfCompactLength(o.isr.length) + o.isr.length * 4;
      }
      w.unsignedVarint(size30);
      if (o.isr === null) w.unsignedVarint(0);
      else {
        w.compactArrayLength(o.isr.length);
        for (let i31 = 0; i31 < o.isr.length; i31++) w.int32(o.isr[i31]!);
      }
    }
    if (has33) {
      ui = writeTaggedFieldsBelow(w, u, ui, 1);
      w.unsignedVarint(1);
      let size34 = 0;
      size34 += 4;
      w.unsignedVarint(size34);
      w.int32(o.leader);
    }
    if (has36) {
      ui = writeTaggedFieldsBelow(w, u, ui, 2);
      w.unsignedVarint(2);
      let size37 = 0;
      if (o.replicas === null) size37 += 1;
      else {
        size37 += sizeOfCompactLength(o.replicas.length) + o.replicas.length * 4;
      }
      w.unsignedVarint(size37);
      if (o.replicas === null) w.unsignedVarint(0);
      else {
        w.compactArrayLength(o.replicas.length);
        for (let i38 = 0; i38 < o.replicas.length; i38++) w.int32(o.replicas[i38]!);
      }
    }
    if (has40) {
      ui = writeTaggedFieldsBelow(w, u, ui, 3);
      w.unsignedVarint(3);
      let size41 = 0;
      if (o.removingReplicas === null) size41 += 1;
      else {
        size41 += sizeOfCompactLength(o.removingReplicas.length) + o.removingReplicas.length * 4;
      }
      w.unsignedVarint(size41);
      if (o.removingReplicas === null) w.unsignedVarint(0);
      else {
        w.compactArrayLength(o.removingReplicas.length);
        for (let i42 = 0; i42 < o.removingReplicas.length; i42++) w.int32(o.removingReplicas[i42]!);
      }
    }
    if (has44) {
      ui = writeTaggedFieldsBelow(w, u, ui, 4);
      w.unsignedVarint(4);
      let size45 = 0;
      if (o.addingReplicas === null) size45 += 1;
      else {
        size45 += sizeOfCompactLength(o.addingReplicas.length) + o.addingReplicas.length * 4;
      }
      w.unsignedVarint(size45);
      if (o.addingReplicas === null) w.unsignedVarint(0);
      else {
        w.compactArrayLength(o.addingReplicas.length);
        for (let i46 = 0; i46 < o.addingReplicas.length; i46++) w.int32(o.addingReplicas[i46]!);
      }
    }
    if (has48) {
      ui = writeTaggedFieldsBelow(w, u, ui, 5);
      w.unsignedVarint(5);
      let size49 = 0;
      size49 += 1;
      w.unsignedVarint(size49);
      w.int8(o.leaderRecoveryState);
    }
    if (has51) {
      ui = writeTaggedFieldsBelow(w, u, ui, 6);
      w.unsignedVarint(6);
      let size52 = 0;
      if (o.eligibleLeaderReplicas === null) size52 += 1;
      else {
        size52 += sizeOfCompactLength(o.eligibleLeaderReplicas.length) + o.eligibleLeaderReplicas.length * 4;
      }
      w.unsignedVarint(size52);
      if (o.eligibleLeaderReplicas === null) w.unsignedVarint(0);
      else {
        w.compactArrayLength(o.eligibleLeaderReplicas.length);
        for (let i53 = 0; i53 < o.eligibleLeaderReplicas.length; i53++) w.int32(o.eligibleLeaderReplicas[i53]!);
      }
    }
    if (has55) {
      ui = writeTaggedFieldsBelow(w, u, ui, 7);
      w.unsignedVarint(7);
      let size56 = 0;
      if (o.lastKnownElr === null) size56 += 1;
      else {
        size56 += sizeOfCompactLength(o.lastKnownElr.length) + o.lastKnownElr.length * 4;
      }
      w.unsignedVarint(size56);
      if (o.lastKnownElr === null) w.unsignedVarint(0);
      else {
        w.compactArrayLength(o.lastKnownElr.length);
        for (let i57 = 0; i57 < o.lastKnownElr.length; i57++) w.int32(o.lastKnownElr[i57]!);
      }
    }
    if (has59) {
      ui = writeTaggedFieldsBelow(w, u, ui, 8);
      w.unsignedVarint(8);
      let size60 = 0;
      if (o.directories === null) size60 += 1;
      else {
        size60 += sizeOfCompactLength(o.directories.length) + o.directories.length * 16;
      }
      w.unsignedVarint(size60);
      if (o.directories === null) w.unsignedVarint(0);
      else {
        w.compactArrayLength(o.directories.length);
        for (let i61 = 0; i61 < o.directories.length; i61++) w.uuid(o.directories[i61]!);
      }
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: PartitionChangeRecord): number {
    let s = 0;
    s += 4;
    s += 16;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (!(o.isr === null)) {
      count++;
      let size32 = 0;
      if (o.isr === null) size32 += 1;
      else {
        size32 += sizeOfCompactLength(o.isr.length) + o.isr.length * 4;
      }
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size32) + size32;
    }
    if (!(o.leader === -2)) {
      count++;
      let size35 = 0;
      size35 += 4;
      s += sizeOfUnsignedVarint(1) + sizeOfUnsignedVarint(size35) + size35;
    }
    if (!(o.replicas === null)) {
      count++;
      let size39 = 0;
      if (o.replicas === null) size39 += 1;
      else {
        size39 += sizeOfCompactLength(o.replicas.length) + o.replicas.length * 4;
      }
      s += sizeOfUnsignedVarint(2) + sizeOfUnsignedVarint(size39) + size39;
    }
    if (!(o.removingReplicas === null)) {
      count++;
      let size43 = 0;
      if (o.removingReplicas === null) size43 += 1;
      else {
        size43 += sizeOfCompactLength(o.removingReplicas.length) + o.removingReplicas.length * 4;
      }
      s += sizeOfUnsignedVarint(3) + sizeOfUnsignedVarint(size43) + size43;
    }
    if (!(o.addingReplicas === null)) {
      count++;
      let size47 = 0;
      if (o.addingReplicas === null) size47 += 1;
      else {
        size47 += sizeOfCompactLength(o.addingReplicas.length) + o.addingReplicas.length * 4;
      }
      s += sizeOfUnsignedVarint(4) + sizeOfUnsignedVarint(size47) + size47;
    }
    if (!(o.leaderRecoveryState === -1)) {
      count++;
      let size50 = 0;
      size50 += 1;
      s += sizeOfUnsignedVarint(5) + sizeOfUnsignedVarint(size50) + size50;
    }
    if (v >= 2 && !(o.eligibleLeaderReplicas === null)) {
      count++;
      let size54 = 0;
      if (o.eligibleLeaderReplicas === null) size54 += 1;
      else {
        size54 += sizeOfCompactLength(o.eligibleLeaderReplicas.length) + o.eligibleLeaderReplicas.length * 4;
      }
      s += sizeOfUnsignedVarint(6) + sizeOfUnsignedVarint(size54) + size54;
    }
    if (v >= 2 && !(o.lastKnownElr === null)) {
      count++;
      let size58 = 0;
      if (o.lastKnownElr === null) size58 += 1;
      else {
        size58 += sizeOfCompactLength(o.lastKnownElr.length) + o.lastKnownElr.length * 4;
      }
      s += sizeOfUnsignedVarint(7) + sizeOfUnsignedVarint(size58) + size58;
    }
    if (v >= 1 && !(o.directories === null)) {
      count++;
      let size62 = 0;
      if (o.directories === null) size62 += 1;
      else {
        size62 += sizeOfCompactLength(o.directories.length) + o.directories.length * 16;
      }
      s += sizeOfUnsignedVarint(8) + sizeOfUnsignedVarint(size62) + size62;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: PartitionChangeRecord): boolean {
    return (o.partitionId === -1) &&
      (o.topicId === ZERO_UUID) &&
      (o.isr === null) &&
      (o.leader === -2) &&
      (o.replicas === null) &&
      (o.removingReplicas === null) &&
      (o.addingReplicas === null) &&
      (o.leaderRecoveryState === -1) &&
      (o.directories === null) &&
      (o.eligibleLeaderReplicas === null) &&
      (o.lastKnownElr === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
