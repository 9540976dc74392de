// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/UpdateRaftVoterRequest.json

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

export class Listener {
  /** The name of the endpoint Versions 0-0. */
  name: string = "";
  /** The hostname Versions 0-0. */
  host: string = "";
  /** The port Versions 0-0. */
  port: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Listener {
    const o = new Listener();
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

  static write(w: Writer, v: number, o: Listener): void {
    w.compactString(o.name);
    w.compactString(o.host);
    w.uint16(o.port);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Listener): number {
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
  static isDefault(o: Listener): boolean {
    return (o.name === "") &&
      (o.host === "") &&
      (o.port === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** UpdateRaftVoterRequest: versions 0, flexible 0+. */
export class UpdateRaftVoterRequest {
  static readonly messageName = 'UpdateRaftVoterRequest';
  static readonly apiKey = 82;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Versions 0-0. */
  clusterId: string | null = "";
  /** The current leader epoch of the partition, -1 for unknown leader epoch Versions 0-0. */
  currentLeaderEpoch: number = 0;
  /** The replica id of the voter getting updated in the topic partition Versions 0-0. */
  voterId: number = 0;
  /** The directory id of the voter getting updated in the topic partition Versions 0-0. */
  voterDirectoryId: Uuid = ZERO_UUID;
  /** The endpoint that can be used to communicate with the leader Versions 0-0. */
  listeners: Listener[] = [];
  /** The range of versions of the protocol that the replica supports Versions 0-0. */
  kRaftVersionFeature: KRaftVersionFeature = new KRaftVersionFeature();
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): UpdateRaftVoterRequest {
    const o = new UpdateRaftVoterRequest();
    o.clusterId = r.compactNullableString();
    o.currentLeaderEpoch = r.int32();
    o.voterId = r.int32();
    o.voterDirectoryId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Listeners was null');
    } else {
      const a2: Listener[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(Listener.read(r, v));
      o.listeners = a2;
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

  static write(w: Writer, v: number, o: UpdateRaftVoterRequest): void {
    w.compactNullableString(o.clusterId);
    w.int32(o.currentLeaderEpoch);
    w.int32(o.voterId);
    w.uuid(o.voterDirectoryId);
    w.compactArrayLength(o.listeners.length);
    for (let i4 = 0; i4 < o.listeners.length; i4++) Listener.write(w, v, o.listeners[i4]!);
    KRaftVersionFeature.write(w, v, o.kRaftVersionFeature!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: UpdateRaftVoterRequest): number {
    let s = 0;
    s += (o.clusterId === null ? 1 : sizeOfCompactString(o.clusterId));
    s += 4;
    s += 4;
    s += 16;
    s += sizeOfCompactLength(o.listeners.length);
    for (let i5 = 0; i5 < o.listeners.length; i5++) s += Listener.size(v, o.listeners[i5]!);
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
  static isDefault(o: UpdateRaftVoterRequest): boolean {
    return (o.clusterId === "") &&
      (o.currentLeaderEpoch === 0) &&
      (o.voterId === 0) &&
      (o.voterDirectoryId === ZERO_UUID) &&
      (o.listeners.length === 0) &&
      (KRaftVersionFeature.isDefault(o.kRaftVersionFeature)) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
