// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/BrokerRegistrationRequest.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class Feature {
  /** The feature name. Versions 0-4. */
  name: string = "";
  /** The minimum supported feature level. Versions 0-4. */
  minSupportedVersion: number = 0;
  /** The maximum supported feature level. Versions 0-4. */
  maxSupportedVersion: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Feature {
    const o = new Feature();
    o.name = r.compactString();
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

  static write(w: Writer, v: number, o: Feature): void {
    w.compactString(o.name);
    w.int16(o.minSupportedVersion);
    w.int16(o.maxSupportedVersion);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Feature): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
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
  static isDefault(o: Feature): boolean {
    return (o.name === "") &&
      (o.minSupportedVersion === 0) &&
      (o.maxSupportedVersion === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class Listener {
  /** The name of the endpoint. Versions 0-4. */
  name: string = "";
  /** The hostname. Versions 0-4. */
  host: string = "";
  /** The port. Versions 0-4. */
  port: number = 0;
  /** The security protocol. Versions 0-4. */
  securityProtocol: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Listener {
    const o = new Listener();
    o.name = r.compactString();
    o.host = r.compactString();
    o.port = r.uint16();
    o.securityProtocol = r.int16();
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
    w.int16(o.securityProtocol);
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
      (o.securityProtocol === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** BrokerRegistrationRequest: versions 0-4, flexible 0+. */
export class BrokerRegistrationRequest {
  static readonly messageName = 'BrokerRegistrationRequest';
  static readonly apiKey = 62;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The broker ID. Versions 0-4. */
  brokerId: number = 0;
  /** The cluster id of the broker process. Versions 0-4. */
  clusterId: string = "";
  /** The incarnation id of the broker process. Versions 0-4. */
  incarnationId: Uuid = ZERO_UUID;
  /** The listeners of this broker Versions 0-4. */
  listeners: Listener[] = [];
  /** The features on this broker. Note: in v0-v3, features with MinSupportedVersion = 0 are omitted. Versions 0-4. */
  features: Feature[] = [];
  /** The rack which this broker is in. Versions 0-4. */
  rack: string | null = "";
  /** If the required configurations for ZK migration are present, this value is set to true Versions 1-4. */
  isMigratingZkBroker: boolean = false;
  /** Log directories configured in this broker which are available. Versions 2-4. */
  logDirs: Uuid[] = [];
  /** The epoch before a clean shutdown. Versions 3-4. */
  previousBrokerEpoch: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): BrokerRegistrationRequest {
    const o = new BrokerRegistrationRequest();
    o.brokerId = r.int32();
    o.clusterId = r.compactString();
    o.incarnationId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Listeners was null');
    } else {
      const a2: Listener[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(Listener.read(r, v));
      o.listeners = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field Features was null');
    } else {
      const a5: Feature[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(Feature.read(r, v));
      o.features = a5;
    }
    o.rack = r.compactNullableString();
    if (v >= 1) {
      o.isMigratingZkBroker = r.bool();
    }
    if (v >= 2) {
      const n7 = r.compactArrayLength();
      if (n7 < 0) {
        r.fail('non-nullable field LogDirs was null');
      } else {
        const a8: Uuid[] = [];
        for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(r.uuid());
        o.logDirs = a8;
      }
    }
    if (v >= 3) {
      o.previousBrokerEpoch = r.int64();
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: BrokerRegistrationRequest): void {
    w.int32(o.brokerId);
    w.compactString(o.clusterId);
    w.uuid(o.incarnationId);
    w.compactArrayLength(o.listeners.length);
    for (let i10 = 0; i10 < o.listeners.length; i10++) Listener.write(w, v, o.listeners[i10]!);
    w.compactArrayLength(o.features.length);
    for (let i11 = 0; i11 < o.features.length; i11++) Feature.write(w, v, o.features[i11]!);
    w.compactNullableString(o.rack);
    if (v >= 1) {
      w.bool(o.isMigratingZkBroker);
    }
    if (!(v >= 1)) {
      if (!(o.isMigratingZkBroker === false)) throw fieldNotSupported('IsMigratingZkBroker', v);
    }
    if (v >= 2) {
      w.compactArrayLength(o.logDirs.length);
      for (let i12 = 0; i12 < o.logDirs.length; i12++) w.uuid(o.logDirs[i12]!);
    }
    if (v >= 3) {
      w.int64(o.previousBrokerEpoch);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: BrokerRegistrationRequest): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactString(o.clusterId);
    s += 16;
    s += sizeOfCompactLength(o.listeners.length);
    for (let i13 = 0; i13 < o.listeners.length; i13++) s += Listener.size(v, o.listeners[i13]!);
    s += sizeOfCompactLength(o.features.length);
    for (let i14 = 0; i14 < o.features.length; i14++) s += Feature.size(v, o.features[i14]!);
    s += (o.rack === null ? 1 : sizeOfCompactString(o.rack));
    if (v >= 1) {
      s += 1;
    }
    if (v >= 2) {
      s += sizeOfCompactLength(o.logDirs.length) + o.logDirs.length * 16;
    }
    if (v >= 3) {
      s += 8;
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
  static isDefault(o: BrokerRegistrationRequest): boolean {
    return (o.brokerId === 0) &&
      (o.clusterId === "") &&
      (o.incarnationId === ZERO_UUID) &&
      (o.listeners.length === 0) &&
      (o.features.length === 0) &&
      (o.rack === "") &&
      (o.isMigratingZkBroker === false) &&
      (o.logDirs.length === 0) &&
      (o.previousBrokerEpoch === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
