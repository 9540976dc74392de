// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AddRaftVoterRequest.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

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

/** AddRaftVoterRequest: versions 0, flexible 0+. */
export class AddRaftVoterRequest {
  static readonly messageName = 'AddRaftVoterRequest';
  static readonly apiKey = 80;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Versions 0-0. */
  clusterId: string | null = "";
  /** Versions 0-0. */
  timeoutMs: number = 0;
  /** The replica id of the voter getting added to the topic partition Versions 0-0. */
  voterId: number = 0;
  /** The directory id of the voter getting added to the topic partition Versions 0-0. */
  voterDirectoryId: Uuid = ZERO_UUID;
  /** The endpoints that can be used to communicate with the voter Versions 0-0. */
  listeners: Listener[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AddRaftVoterRequest {
    const o = new AddRaftVoterRequest();
    o.clusterId = r.compactNullableString();
    o.timeoutMs = r.int32();
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
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: AddRaftVoterRequest): void {
    w.compactNullableString(o.clusterId);
    w.int32(o.timeoutMs);
    w.int32(o.voterId);
    w.uuid(o.voterDirectoryId);
    w.compactArrayLength(o.listeners.length);
    for (let i4 = 0; i4 < o.listeners.length; i4++) Listener.write(w, v, o.listeners[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AddRaftVoterRequest): number {
    let s = 0;
    s += (o.clusterId === null ? 1 : sizeOfCompactString(o.clusterId));
    s += 4;
    s += 4;
    s += 16;
    s += sizeOfCompactLength(o.listeners.length);
    for (let i5 = 0; i5 < o.listeners.length; i5++) s += Listener.size(v, o.listeners[i5]!);
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
  static isDefault(o: AddRaftVoterRequest): boolean {
    return (o.clusterId === "") &&
      (o.timeoutMs === 0) &&
      (o.voterId === 0) &&
      (o.voterDirectoryId === ZERO_UUID) &&
      (o.listeners.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
