// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ListClientMetricsResourcesResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ClientMetricsResource {
  /** The resource name. Versions 0-0. */
  name: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ClientMetricsResource {
    const o = new ClientMetricsResource();
    o.name = r.compactString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ClientMetricsResource): void {
    w.compactString(o.name);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ClientMetricsResource): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
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
  static isDefault(o: ClientMetricsResource): boolean {
    return (o.name === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ListClientMetricsResourcesResponse: versions 0, flexible 0+. */
export class ListClientMetricsResourcesResponse {
  static readonly messageName = 'ListClientMetricsResourcesResponse';
  static readonly apiKey = 74;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** Each client metrics resource in the response. Versions 0-0. */
  clientMetricsResources: ClientMetricsResource[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ListClientMetricsResourcesResponse {
    const o = new ListClientMetricsResourcesResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field ClientMetricsResources was null');
    } else {
      const a2: ClientMetricsResource[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ClientMetricsResource.read(r, v));
      o.clientMetricsResources = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ListClientMetricsResourcesResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactArrayLength(o.clientMetricsResources.length);
    for (let i4 = 0; i4 < o.clientMetricsResources.length; i4++) ClientMetricsResource.write(w, v, o.clientMetricsResources[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ListClientMetricsResourcesResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += sizeOfCompactLength(o.clientMetricsResources.length);
    for (let i5 = 0; i5 < o.clientMetricsResources.length; i5++) s += ClientMetricsResource.size(v, o.clientMetricsResources[i5]!);
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
  static isDefault(o: ListClientMetricsResourcesResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.clientMetricsResources.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
