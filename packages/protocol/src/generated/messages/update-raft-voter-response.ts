// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/UpdateRaftVoterResponse.json

import { sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class CurrentLeader {
  /** The replica id of the current leader or -1 if the leader is unknown Versions 0-0. */
  leaderId: number = -1;
  /** The latest known leader epoch Versions 0-0. */
  leaderEpoch: number = -1;
  /** The node's hostname Versions 0-0. */
  host: string = "";
  /** The node's port Versions 0-0. */
  port: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CurrentLeader {
    const o = new CurrentLeader();
    o.leaderId = r.int32();
    o.leaderEpoch = r.int32();
    o.host = r.compactString();
    o.port = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: CurrentLeader): void {
    w.int32(o.leaderId);
    w.int32(o.leaderEpoch);
    w.compactString(o.host);
    w.int32(o.port);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: CurrentLeader): number {
    let s = 0;
    s += 4;
    s += 4;
    s += sizeOfCompactString(o.host);
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
  static isDefault(o: CurrentLeader): boolean {
    return (o.leaderId === -1) &&
      (o.leaderEpoch === -1) &&
      (o.host === "") &&
      (o.port === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** UpdateRaftVoterResponse: versions 0, flexible 0+. */
export class UpdateRaftVoterResponse {
  static readonly messageName = 'UpdateRaftVoterResponse';
  static readonly apiKey = 82;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error Versions 0-0. */
  errorCode: number = 0;
  /** Versions 0-0. Tag 0. */
  currentLeader: CurrentLeader = new CurrentLeader();
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): UpdateRaftVoterResponse {
    const o = new UpdateRaftVoterResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      const start = r.pos;
      if (tag === 0) {
        o.currentLeader = CurrentLeader.read(r, v);
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: UpdateRaftVoterResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has1 = !(CurrentLeader.isDefault(o.currentLeader));
    if (has1) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has1) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size2 = 0;
      size2 += CurrentLeader.size(v, o.currentLeader!);
      w.unsignedVarint(size2);
      CurrentLeader.write(w, v, o.currentLeader!);
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: UpdateRaftVoterResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (!(CurrentLeader.isDefault(o.currentLeader))) {
      count++;
      let size3 = 0;
      size3 += CurrentLeader.size(v, o.currentLeader!);
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size3) + size3;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: UpdateRaftVoterResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (CurrentLeader.isDefault(o.currentLeader)) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
