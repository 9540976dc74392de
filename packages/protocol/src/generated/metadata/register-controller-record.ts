// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/RegisterControllerRecord.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ControllerFeature {
  /** The feature name. Versions 0-0. */
  name: string = "";
  /** The minimum supported feature level. Versions 0-0. */
  minSupportedVersion: number = 0;
  /** The maximum supported feature level. Versions 0-0. */
  maxSupportedVersion: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ControllerFeature {
    const o = new ControllerFeature();
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

  static write(w: Writer, v: number, o: ControllerFeature): void {
    w.compactString(o.name);
    w.int16(o.minSupportedVersion);
    w.int16(o.maxSupportedVersion);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ControllerFeature): number {
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
  static isDefault(o: ControllerFeature): boolean {
    return (o.name === "") &&
      (o.minSupportedVersion === 0) &&
      (o.maxSupportedVersion === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ControllerEndpoint {
  /** The name of the endpoint. Versions 0-0. */
  name: string = "";
  /** The hostname. Versions 0-0. */
  host: string = "";
  /** The port. Versions 0-0. */
  port: number = 0;
  /** The security protocol. Versions 0-0. */
  securityProtocol: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ControllerEndpoint {
    const o = new ControllerEndpoint();
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

  static write(w: Writer, v: number, o: ControllerEndpoint): void {
    w.compactString(o.name);
    w.compactString(o.host);
    w.uint16(o.port);
    w.int16(o.securityProtocol);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ControllerEndpoint): number {
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
  static isDefault(o: ControllerEndpoint): boolean {
    return (o.name === "") &&
      (o.host === "") &&
      (o.port === 0) &&
      (o.securityProtocol === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** RegisterControllerRecord: versions 0, flexible 0+. */
export class RegisterControllerRecord {
  static readonly messageName = 'RegisterControllerRecord';
  static readonly apiKey = 27;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The controller id. Versions 0-0. */
  controllerId: number = 0;
  /** The incarnation ID of the controller process Versions 0-0. */
  incarnationId: Uuid = ZERO_UUID;
  /** Set if the required configurations for ZK migration are present. Versions 0-0. */
  zkMigrationReady: boolean = false;
  /** The endpoints that can be used to communicate with this controller. Versions 0-0. */
  endPoints: ControllerEndpoint[] = [];
  /** The features on this controller Versions 0-0. */
  features: ControllerFeature[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): RegisterControllerRecord {
    const o = new RegisterControllerRecord();
    o.controllerId = r.int32();
    o.incarnationId = r.uuid();
    o.zkMigrationReady = r.bool();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field EndPoints was null');
    } else {
      const a2: ControllerEndpoint[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ControllerEndpoint.read(r, v));
      o.endPoints = a2;
    }
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field Features was null');
    } else {
      const a5: ControllerFeature[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(ControllerFeature.read(r, v));
      o.features = a5;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: RegisterControllerRecord): void {
    w.int32(o.controllerId);
    w.uuid(o.incarnationId);
    w.bool(o.zkMigrationReady);
    w.compactArrayLength(o.endPoints.length);
    for (let i7 = 0; i7 < o.endPoints.length; i7++) ControllerEndpoint.write(w, v, o.endPoints[i7]!);
    w.compactArrayLength(o.features.length);
    for (let i8 = 0; i8 < o.features.length; i8++) ControllerFeature.write(w, v, o.features[i8]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: RegisterControllerRecord): number {
    let s = 0;
    s += 4;
    s += 16;
    s += 1;
    s += sizeOfCompactLength(o.endPoints.length);
    for (let i9 = 0; i9 < o.endPoints.length; i9++) s += ControllerEndpoint.size(v, o.endPoints[i9]!);
    s += sizeOfCompactLength(o.features.length);
    for (let i10 = 0; i10 < o.features.length; i10++) s += ControllerFeature.size(v, o.features[i10]!);
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
  static isDefault(o: RegisterControllerRecord): boolean {
    return (o.controllerId === 0) &&
      (o.incarnationId === ZERO_UUID) &&
      (o.zkMigrationReady === false) &&
      (o.endPoints.length === 0) &&
      (o.features.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
