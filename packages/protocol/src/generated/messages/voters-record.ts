// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/VotersRecord.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class KRaftVersionFeature {
  /** The minimum supported KRaft protocol version Versions 0-0. */
  minSupportedVersion: number = 0;
  /** The maximum supported KRaft protocol version Versions 0-0. */
  maxSupportedVersion: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): KRaftVersionFeature {
    const o = new KRaftVersionFeature();
    o.minSupportedVersion = r.int16();
    o.maxSupportedVersion = r.int16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: KRaftVersionFeature): void {
    w.int16(o.minSupportedVersion);
    w.int16(o.maxSupportedVersion);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: KRaftVersionFeature): number {
    let s = 0;
    s += 2;
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
  static isDefault(o: KRaftVersionFeature): boolean {
    return (o.minSupportedVersion === 0) &&
      (o.maxSupportedVersion === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class Endpoint {
  /** The name of the endpoint Versions 0-0. */
  name: string = "";
  /** The hostname Versions 0-0. */
  host: string = "";
  /** The port Versions 0-0. */
  port: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Endpoint {
    const o = new Endpoint();
    o.name = r.compactString();
    o.host = r.compactString();
    o.port = r.uint16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: Endpoint): void {
    w.compactString(o.name);
    w.compactString(o.host);
    w.uint16(o.port);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Endpoint): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += sizeOfCompactString(o.host);
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
  static isDefault(o: Endpoint): boolean {
    return (o.name === "") &&
      (o.host === "") &&
      (o.port === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class Voter {
  /** The replica id of the voter in the topic partition Versions 0-0. */
  voterId: number = 0;
  /** The directory id of the voter in the topic partition Versions 0-0. */
  voterDirectoryId: Uuid = ZERO_UUID;
  /** The endpoint that can be used to communicate with the voter Versions 0-0. */
  endpoints: Endpoint[] = [];
  /** The range of versions of the protocol that the replica supports Versions 0-0. */
  kRaftVersionFeature: KRaftVersionFeature = new KRaftVersionFeature();
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Voter {
    const o = new Voter();
    o.voterId = r.int32();
    o.voterDirectoryId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Endpoints was null');
    } else {
      const a2: Endpoint[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(Endpoint.read(r, v));
      o.endpoints = a2;
    }
    o.kRaftVersionFeature = KRaftVersionFeature.read(r, v);
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
    w.uuid(o.voterDirectoryId);
    w.compactArrayLength(o.endpoints.length);
    for (let i4 = 0; i4 < o.endpoints.length; i4++) Endpoint.write(w, v, o.endpoints[i4]!);
    KRaftVersionFeature.write(w, v, o.kRaftVersionFeature!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Voter): number {
    let s = 0;
    s += 4;
    s += 16;
    s += sizeOfCompactLength(o.endpoints.length);
    for (let i5 = 0; i5 < o.endpoints.length; i5++) s += Endpoint.size(v, o.endpoints[i5]!);
    s += KRaftVersionFeature.size(v, o.kRaftVersionFeature!);
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
      (o.endpoints.length === 0) &&
      (KRaftVersionFeature.isDefault(o.kRaftVersionFeature)) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** VotersRecord: versions 0, flexible 0+. */
export class VotersRecord {
  static readonly messageName = 'VotersRecord';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The version of the voters record Versions 0-0. */
  version: number = 0;
  /** Versions 0-0. */
  voters: Voter[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): VotersRecord {
    const o = new VotersRecord();
    o.version = r.int16();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Voters was null');
    } else {
      const a2: Voter[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(Voter.read(r, v));
      o.voters = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: VotersRecord): void {
    w.int16(o.version);
    w.compactArrayLength(o.voters.length);
    for (let i4 = 0; i4 < o.voters.length; i4++) Voter.write(w, v, o.voters[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: VotersRecord): number {
    let s = 0;
    s += 2;
    s += sizeOfCompactLength(o.voters.length);
    for (let i5 = 0; i5 < o.voters.length; i5++) s += Voter.size(v, o.voters[i5]!);
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
  static isDefault(o: VotersRecord): boolean {
    return (o.version === 0) &&
      (o.voters.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
