// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/RegisterBrokerRecord.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class BrokerFeature {
  /** The feature name. Versions 0-3. */
  name: string = "";
  /** The minimum supported feature level. Versions 0-3. */
  minSupportedVersion: number = 0;
  /** The maximum supported feature level. Versions 0-3. */
  maxSupportedVersion: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): BrokerFeature {
    const o = new BrokerFeature();
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

  static write(w: Writer, v: number, o: BrokerFeature): void {
    w.compactString(o.name);
    w.int16(o.minSupportedVersion);
    w.int16(o.maxSupportedVersion);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: BrokerFeature): number {
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
  static isDefault(o: BrokerFeature): boolean {
    return (o.name === "") &&
      (o.minSupportedVersion === 0) &&
      (o.maxSupportedVersion === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class BrokerEndpoint {
  /** The name of the endpoint. Versions 0-3. */
  name: string = "";
  /** The hostname. Versions 0-3. */
  host: string = "";
  /** The port. Versions 0-3. */
  port: number = 0;
  /** The security protocol. Versions 0-3. */
  securityProtocol: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): BrokerEndpoint {
    const o = new BrokerEndpoint();
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

  static write(w: Writer, v: number, o: BrokerEndpoint): void {
    w.compactString(o.name);
    w.compactString(o.host);
    w.uint16(o.port);
    w.int16(o.securityProtocol);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: BrokerEndpoint): number {
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
  static isDefault(o: BrokerEndpoint): boolean {
    return (o.name === "") &&
      (o.host === "") &&
      (o.port === 0) &&
      (o.securityProtocol === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** RegisterBrokerRecord: versions 0-3, flexible 0+. */
export class RegisterBrokerRecord {
  static readonly messageName = 'RegisterBrokerRecord';
  static readonly apiKey = 0;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The broker id. Versions 0-3. */
  brokerId: number = 0;
  /** True if the broker is a ZK broker in migration mode. Otherwise, false Versions 2-3. */
  isMigratingZkBroker: boolean = false;
  /** The incarnation ID of the broker process Versions 0-3. */
  incarnationId: Uuid = ZERO_UUID;
  /** The broker epoch assigned by the controller. Versions 0-3. */
  brokerEpoch: bigint = 0n;
  /** The endpoints that can be used to communicate with this broker. Versions 0-3. */
  endPoints: BrokerEndpoint[] = [];
  /** The features on this broker Versions 0-3. */
  features: BrokerFeature[] = [];
  /** The broker rack. Versions 0-3. */
  rack: string | null = "";
  /** True if the broker is fenced. Versions 0-3. */
  fenced: boolean = true;
  /** True if the broker is in controlled shutdown. Versions 1-3. */
  inControlledShutdown: boolean = false;
  /** Log directories configured in this broker which are available. Versions 3-3. Tag 0. */
  logDirs: Uuid[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): RegisterBrokerRecord {
    const o = new RegisterBrokerRecord();
    o.brokerId = r.int32();
    if (v >= 2) {
      o.isMigratingZkBroker = r.bool();
    }
    o.incarnationId = r.uuid();
    o.brokerEpoch = r.int64();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field EndPoints was null');
    } else {
      const a2: BrokerEndpoint[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(BrokerEndpoint.read(r, v));
      o.endPoints = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field Features was null');
    } else {
      const a5: BrokerFeature[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(BrokerFeature.read(r, v));
      o.features = a5;
    }
    o.rack = r.compactNullableString();
    o.fenced = r.bool();
    if (v >= 1) {
      o.inControlledShutdown = r.bool();
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      const start = r.pos;
      if (tag === 0 && v >= 3) {
        const n7 = r.compactArrayLength();
        if (n7 < 0) {
          r.fail('non-nullable field LogDirs was null');
        } else {
          const a8: Uuid[] = [];
          for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(r.uuid());
          o.logDirs = a8;
        }
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: RegisterBrokerRecord): void {
    w.int32(o.brokerId);
    if (v >= 2) {
      w.bool(o.isMigratingZkBroker);
    }
    if (!(v >= 2)) {
      if (!(o.isMigratingZkBroker === false)) throw fieldNotSupported('IsMigratingZkBroker', v);
    }
    w.uuid(o.incarnationId);
    w.int64(o.brokerEpoch);
    w.compactArrayLength(o.endPoints.length);
    for (let i10 = 0; i10 < o.endPoints.length; i10++) BrokerEndpoint.write(w, v, o.endPoints[i10]!);
    w.compactArrayLength(o.features.length);
    for (let i11 = 0; i11 < o.features.length; i11++) BrokerFeature.write(w, v, o.features[i11]!);
    w.compactNullableString(o.rack);
    w.bool(o.fenced);
    if (v >= 1) {
      w.bool(o.inControlledShutdown);
    }
    if (!(v >= 1)) {
      if (!(o.inControlledShutdown === false)) throw fieldNotSupported('InControlledShutdown', v);
    }
    if (!(v >= 3)) {
      if (!(o.logDirs.length === 0)) throw fieldNotSupported('LogDirs', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has15 = v >= 3 && !(o.logDirs.length === 0);
    if (has15) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has15) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size16 = 0;
      size16 += sizeOfCompactLength(o.logDirs.length) + o.logDirs.length * 16;
      w.unsignedVarint(size16);
      w.compactArrayLength(o.logDirs.length);
      for (let i17 = 0; i17 < o.logDirs.length; i17++) w.uuid(o.logDirs[i17]!);
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: RegisterBrokerRecord): number {
    let s = 0;
    s += 4;
    if (v >= 2) {
      s += 1;
    }
    s += 16;
    s += 8;
    s += sizeOfCompactLength(o.endPoints.length);
    for (let i13 = 0; i13 < o.endPoints.length; i13++) s += BrokerEndpoint.size(v, o.endPoints[i13]!);
    s += sizeOfCompactLength(o.features.length);
    for (let i14 = 0; i14 < o.features.length; i14++) s += BrokerFeature.size(v, o.features[i14]!);
    s += (o.rack === null ? 1 : sizeOfCompactString(o.rack));
    s += 1;
    if (v >= 1) {
      s += 1;
    }
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (v >= 3 && !(o.logDirs.length === 0)) {
      count++;
      let size18 = 0;
      size18 += sizeOfCompactLength(o.logDirs.length) + o.logDirs.length * 16;
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size18) + size18;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: RegisterBrokerRecord): boolean {
    return (o.brokerId === 0) &&
      (o.isMigratingZkBroker === false) &&
      (o.incarnationId === ZERO_UUID) &&
      (o.brokerEpoch === 0n) &&
      (o.endPoints.length === 0) &&
      (o.features.length === 0) &&
      (o.rack === "") &&
      (o.fenced === true) &&
      (o.inControlledShutdown === false) &&
      (o.logDirs.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
