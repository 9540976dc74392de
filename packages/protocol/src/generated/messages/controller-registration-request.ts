// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ControllerRegistrationRequest.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class Feature {
  /** The feature name. Versions 0-0. */
  name: string = "";
  /** The minimum supported feature level. Versions 0-0. */
  minSupportedVersion: number = 0;
  /** The maximum supported feature level. Versions 0-0. */
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

/** ControllerRegistrationRequest: versions 0, flexible 0+. */
export class ControllerRegistrationRequest {
  static readonly messageName = 'ControllerRegistrationRequest';
  static readonly apiKey = 70;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The ID of the controller to register. Versions 0-0. */
  controllerId: number = 0;
  /** The controller incarnation ID, which is unique to each process run. Versions 0-0. */
  incarnationId: Uuid = ZERO_UUID;
  /** Set if the required configurations for ZK migration are present. Versions 0-0. */
  zkMigrationReady: boolean = false;
  /** The listeners of this controller Versions 0-0. */
  listeners: Listener[] = [];
  /** The features on this controller Versions 0-0. */
  features: Feature[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ControllerRegistrationRequest {
    const o = new ControllerRegistrationRequest();
    o.controllerId = r.int32();
    o.incarnationId = r.uuid();
    o.zkMigrationReady = r.bool();
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
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ControllerRegistrationRequest): void {
    w.int32(o.controllerId);
    w.uuid(o.incarnationId);
    w.bool(o.zkMigrationReady);
    w.compactArrayLength(o.listeners.length);
    for (let i7 = 0; i7 < o.listeners.length; i7++) Listener.write(w, v, o.listeners[i7]!);
    w.compactArrayLength(o.features.length);
    for (let i8 = 0; i8 < o.features.length; i8++) Feature.write(w, v, o.features[i8]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ControllerRegistrationRequest): number {
    let s = 0;
    s += 4;
    s += 16;
    s += 1;
    s += sizeOfCompactLength(o.listeners.length);
    for (let i9 = 0; i9 < o.listeners.length; i9++) s += Listener.size(v, o.listeners[i9]!);
    s += sizeOfCompactLength(o.features.length);
    for (let i10 = 0; i10 < o.features.length; i10++) s += Feature.size(v, o.features[i10]!);
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
  static isDefault(o: ControllerRegistrationRequest): boolean {
    return (o.controllerId === 0) &&
      (o.incarnationId === ZERO_UUID) &&
      (o.zkMigrationReady === false) &&
      (o.listeners.length === 0) &&
      (o.features.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
