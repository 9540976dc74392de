// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/FindCoordinatorResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class Coordinator {
  /** The coordinator key. Versions 4-6. */
  key: string = "";
  /** The node id. Versions 4-6. */
  nodeId: number = 0;
  /** The host name. Versions 4-6. */
  host: string = "";
  /** The port. Versions 4-6. */
  port: number = 0;
  /** The error code, or 0 if there was no error. Versions 4-6. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 4-6. */
  errorMessage: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): Coordinator {
    const o = new Coordinator();
    o.key = r.compactString();
    o.nodeId = r.int32();
    o.host = r.compactString();
    o.port = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: Coordinator): void {
    w.compactString(o.key);
    w.int32(o.nodeId);
    w.compactString(o.host);
    w.int32(o.port);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: Coordinator): number {
    let s = 0;
    s += sizeOfCompactString(o.key);
    s += 4;
    s += sizeOfCompactString(o.host);
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
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
  static isDefault(o: Coordinator): boolean {
    return (o.key === "") &&
      (o.nodeId === 0) &&
      (o.host === "") &&
      (o.port === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** FindCoordinatorResponse: versions 0-6, flexible 3+. */
export class FindCoordinatorResponse {
  static readonly messageName = 'FindCoordinatorResponse';
  static readonly apiKey = 10;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 6;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-6. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-3. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 1-3. */
  errorMessage: string | null = "";
  /** The node id. Versions 0-3. */
  nodeId: number = 0;
  /** The host name. Versions 0-3. */
  host: string = "";
  /** The port. Versions 0-3. */
  port: number = 0;
  /** Each coordinator result in the response Versions 4-6. */
  coordinators: Coordinator[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FindCoordinatorResponse {
    const o = new FindCoordinatorResponse();
    const flexible = v >= 3;
    if (v >= 1) {
      o.throttleTimeMs = r.int32();
    }
    if (v <= 3) {
      o.errorCode = r.int16();
    }
    if (v >= 1 && v <= 3) {
      o.errorMessage = (v >= 3 ? r.compactNullableString() : r.nullableString());
    }
    if (v <= 3) {
      o.nodeId = r.int32();
    }
    if (v <= 3) {
      o.host = (v >= 3 ? r.compactString() : r.string());
    }
    if (v <= 3) {
      o.port = r.int32();
    }
    if (v >= 4) {
      const n1 = r.compactArrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field Coordinators was null');
      } else {
        const a2: Coordinator[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(Coordinator.read(r, v));
        o.coordinators = a2;
      }
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: FindCoordinatorResponse): void {
    const flexible = v >= 3;
    if (v >= 1) {
      w.int32(o.throttleTimeMs);
    }
    if (v <= 3) {
      w.int16(o.errorCode);
    }
    if (!(v <= 3)) {
      if (!(o.errorCode === 0)) throw fieldNotSupported('ErrorCode', v);
    }
    if (v >= 1 && v <= 3) {
      if (v >= 3) w.compactNullableString(o.errorMessage);
      else w.nullableString(o.errorMessage);
    }
    if (v <= 3) {
      w.int32(o.nodeId);
    }
    if (!(v <= 3)) {
      if (!(o.nodeId === 0)) throw fieldNotSupported('NodeId', v);
    }
    if (v <= 3) {
      if (v >= 3) w.compactString(o.host);
      else w.string(o.host);
    }
    if (!(v <= 3)) {
      if (!(o.host === "")) throw fieldNotSupported('Host', v);
    }
    if (v <= 3) {
      w.int32(o.port);
    }
    if (!(v <= 3)) {
      if (!(o.port === 0)) throw fieldNotSupported('Port', v);
    }
    if (v >= 4) {
      w.compactArrayLength(o.coordinators.length);
      for (let i4 = 0; i4 < o.coordinators.length; i4++) Coordinator.write(w, v, o.coordinators[i4]!);
    }
    if (!(v >= 4)) {
      if (!(o.coordinators.length === 0)) throw fieldNotSupported('Coordinators', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: FindCoordinatorResponse): number {
    let s = 0;
    const flexible = v >= 3;
    if (v >= 1) {
      s += 4;
    }
    if (v <= 3) {
      s += 2;
    }
    if (v >= 1 && v <= 3) {
      s += (o.errorMessage === null ? (v >= 3 ? 1 : 2) : (v >= 3 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
    }
    if (v <= 3) {
      s += 4;
    }
    if (v <= 3) {
      s += (v >= 3 ? sizeOfCompactString(o.host) : sizeOfString(o.host));
    }
    if (v <= 3) {
      s += 4;
    }
    if (v >= 4) {
      s += sizeOfCompactLength(o.coordinators.length);
      for (let i5 = 0; i5 < o.coordinators.length; i5++) s += Coordinator.size(v, o.coordinators[i5]!);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: FindCoordinatorResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.nodeId === 0) &&
      (o.host === "") &&
      (o.port === 0) &&
      (o.coordinators.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
