// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeClusterResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DescribeClusterBroker {
  /** The broker ID. Versions 0-1. */
  brokerId: number = 0;
  /** The broker hostname. Versions 0-1. */
  host: string = "";
  /** The broker port. Versions 0-1. */
  port: number = 0;
  /** The rack of the broker, or null if it has not been assigned to a rack. Versions 0-1. */
  rack: string | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeClusterBroker {
    const o = new DescribeClusterBroker();
    o.brokerId = r.int32();
    o.host = r.compactString();
    o.port = r.int32();
    o.rack = r.compactNullableString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeClusterBroker): void {
    w.int32(o.brokerId);
    w.compactString(o.host);
    w.int32(o.port);
    w.compactNullableString(o.rack);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeClusterBroker): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactString(o.host);
    s += 4;
    s += (o.rack === null ? 1 : sizeOfCompactString(o.rack));
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
  static isDefault(o: DescribeClusterBroker): boolean {
    return (o.brokerId === 0) &&
      (o.host === "") &&
      (o.port === 0) &&
      (o.rack === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeClusterResponse: versions 0-1, flexible 0+. */
export class DescribeClusterResponse {
  static readonly messageName = 'DescribeClusterResponse';
  static readonly apiKey = 60;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number = 0;
  /** The top-level error code, or 0 if there was no error Versions 0-1. */
  errorCode: number = 0;
  /** The top-level error message, or null if there was no error. Versions 0-1. */
  errorMessage: string | null = null;
  /** The endpoint type that was described. 1=brokers, 2=controllers. Versions 1-1. */
  endpointType: number = 1;
  /** The cluster ID that responding broker belongs to. Versions 0-1. */
  clusterId: string = "";
  /** The ID of the controller broker. Versions 0-1. */
  controllerId: number = -1;
  /** Each broker in the response. Versions 0-1. */
  brokers: DescribeClusterBroker[] = [];
  /** 32-bit bitfield to represent authorized operations for this cluster. Versions 0-1. */
  clusterAuthorizedOperations: number = -2147483648;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeClusterResponse {
    const o = new DescribeClusterResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    if (v >= 1) {
      o.endpointType = r.int8();
    }
    o.clusterId = r.compactString();
    o.controllerId = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Brokers was null');
    } else {
      const a2: DescribeClusterBroker[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeClusterBroker.read(r, v));
      o.brokers = a2;
    }
    o.clusterAuthorizedOperations = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeClusterResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    if (v >= 1) {
      w.int8(o.endpointType);
    }
    if (!(v >= 1)) {
      if (!(o.endpointType === 1)) throw fieldNotSupported('EndpointType', v);
    }
    w.compactString(o.clusterId);
    w.int32(o.controllerId);
    w.compactArrayLength(o.brokers.length);
    for (let i4 = 0; i4 < o.brokers.length; i4++) DescribeClusterBroker.write(w, v, o.brokers[i4]!);
    w.int32(o.clusterAuthorizedOperations);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeClusterResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    if (v >= 1) {
      s += 1;
    }
    s += sizeOfCompactString(o.clusterId);
    s += 4;
    s += sizeOfCompactLength(o.brokers.length);
    for (let i5 = 0; i5 < o.brokers.length; i5++) s += DescribeClusterBroker.size(v, o.brokers[i5]!);
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
  static isDefault(o: DescribeClusterResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === null) &&
      (o.endpointType === 1) &&
      (o.clusterId === "") &&
      (o.controllerId === -1) &&
      (o.brokers.length === 0) &&
      (o.clusterAuthorizedOperations === -2147483648) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
