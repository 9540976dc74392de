// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/QuorumStateData.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class Voter {
  /** Versions 0-0. */
  voterId: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Voter {
    const o = new Voter();
    o.voterId = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: Voter): void {
    w.int32(o.voterId);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Voter): number {
    let s = 0;
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
  static isDefault(o: Voter): boolean {
    return (o.voterId === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** QuorumStateData: versions 0-1, flexible 0+. */
export class QuorumStateData {
  static readonly messageName = 'QuorumStateData';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Versions 0-0. */
  clusterId: string = "";
  /** Versions 0-1. */
  leaderId: number = -1;
  /** Versions 0-1. */
  leaderEpoch: number = -1;
  /** Versions 0-1. */
  votedId: number = -1;
  /** Versions 1-1. */
  votedDirectoryId: Uuid = ZERO_UUID;
  /** Versions 0-0. */
  appliedOffset: bigint = 0n;
  /** Versions 0-0. */
  currentVoters: Voter[] | null = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): QuorumStateData {
    const o = new QuorumStateData();
    if (v <= 0) {
      o.clusterId = r.compactString();
    }
    o.leaderId = r.int32();
    o.leaderEpoch = r.int32();
    o.votedId = r.int32();
    if (v >= 1) {
      o.votedDirectoryId = r.uuid();
    }
    if (v <= 0) {
      o.appliedOffset = r.int64();
    }
    if (v <= 0) {
      const n1 = r.compactArrayLength();
      if (n1 < 0) {
        o.currentVoters = null;
      } else {
        const a2: Voter[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(Voter.read(r, v));
        o.currentVoters = a2;
      }
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: QuorumStateData): void {
    if (v <= 0) {
      w.compactString(o.clusterId);
    }
    if (!(v <= 0)) {
      if (!(o.clusterId === "")) throw fieldNotSupported('ClusterId', v);
    }
    w.int32(o.leaderId);
    w.int32(o.leaderEpoch);
    w.int32(o.votedId);
    if (v >= 1) {
      w.uuid(o.votedDirectoryId);
    }
    if (!(v >= 1)) {
      if (!(o.votedDirectoryId === ZERO_UUID)) throw fieldNotSupported('VotedDirectoryId', v);
    }
    if (v <= 0) {
      w.int64(o.appliedOffset);
    }
    if (!(v <= 0)) {
      if (!(o.appliedOffset === 0n)) throw fieldNotSupported('AppliedOffset', v);
    }
    if (v <= 0) {
      if (o.currentVoters === null) w.unsignedVarint(0);
      else {
        w.compactArrayLength(o.currentVoters.length);
        for (let i4 = 0; i4 < o.currentVoters.length; i4++) Voter.write(w, v, o.currentVoters[i4]!);
      }
    }
    if (!(v <= 0)) {
      if (!(o.currentVoters !== null && o.currentVoters.length === 0)) throw fieldNotSupported('CurrentVoters', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: QuorumStateData): number {
    let s = 0;
    if (v <= 0) {
      s += sizeOfCompactString(o.clusterId);
    }
    s += 4;
    s += 4;
    s += 4;
    if (v >= 1) {
      s += 16;
    }
    if (v <= 0) {
      s += 8;
    }
    if (v <= 0) {
      if (o.currentVoters === null) s += 1;
      else {
        s += sizeOfCompactLength(o.currentVoters.length);
        for (let i5 = 0; i5 < o.currentVoters.length; i5++) s += Voter.size(v, o.currentVoters[i5]!);
      }
    }
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
  static isDefault(o: QuorumStateData): boolean {
    return (o.clusterId === "") &&
      (o.leaderId === -1) &&
      (o.leaderEpoch === -1) &&
      (o.votedId === -1) &&
      (o.votedDirectoryId === ZERO_UUID) &&
      (o.appliedOffset === 0n) &&
      (o.currentVoters !== null && o.currentVoters.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
