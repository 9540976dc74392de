// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/LeaderChangeMessage.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class Voter {
  /** Versions 0-1. */
  voterId: number = 0;
  /** The directory id of the voter Versions 1-1. */
  voterDirectoryId: Uuid = ZERO_UUID;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Voter {
    const o = new Voter();
    o.voterId = r.int32();
    if (v >= 1) {
      o.voterDirectoryId = r.uuid();
    }
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
    if (v >= 1) {
      w.uuid(o.voterDirectoryId);
    }
    if (!(v >= 1)) {
      if (!(o.voterDirectoryId === ZERO_UUID)) throw fieldNotSupported('VoterDirectoryId', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Voter): number {
    let s = 0;
    s += 4;
    if (v >= 1) {
      s += 16;
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
  static isDefault(o: Voter): boolean {
    return (o.voterId === 0) &&
      (o.voterDirectoryId === ZERO_UUID) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** LeaderChangeMessage: versions 0-1, flexible 0+. */
export class LeaderChangeMessage {
  static readonly messageName = 'LeaderChangeMessage';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The version of the leader change message Versions 0-1. */
  version: number = 0;
  /** The ID of the newly elected leader Versions 0-1. */
  leaderId: number = 0;
  /** The set of voters in the quorum for this epoch Versions 0-1. */
  voters: Voter[] = [];
  /** The voters who voted for the leader at the time of election Versions 0-1. */
  grantingVoters: Voter[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaderChangeMessage {
    const o = new LeaderChangeMessage();
    o.version = r.int16();
    o.leaderId = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Voters was null');
    } else {
      const a2: Voter[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(Voter.read(r, v));
      o.voters = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field GrantingVoters was null');
    } else {
      const a5: Voter[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(Voter.read(r, v));
      o.grantingVoters = a5;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: LeaderChangeMessage): void {
    w.int16(o.version);
    w.int32(o.leaderId);
    w.compactArrayLength(o.voters.length);
    for (let i7 = 0; i7 < o.voters.length; i7++) Voter.write(w, v, o.voters[i7]!);
    w.compactArrayLength(o.grantingVoters.length);
    for (let i8 = 0; i8 < o.grantingVoters.length; i8++) Voter.write(w, v, o.grantingVoters[i8]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: LeaderChangeMessage): number {
    let s = 0;
    s += 2;
    s += 4;
    s += sizeOfCompactLength(o.voters.length);
    for (let i9 = 0; i9 < o.voters.length; i9++) s += Voter.size(v, o.voters[i9]!);
    s += sizeOfCompactLength(o.grantingVoters.length);
    for (let i10 = 0; i10 < o.grantingVoters.length; i10++) s += Voter.size(v, o.grantingVoters[i10]!);
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
  static isDefault(o: LeaderChangeMessage): boolean {
    return (o.version === 0) &&
      (o.leaderId === 0) &&
      (o.voters.length === 0) &&
      (o.grantingVoters.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
