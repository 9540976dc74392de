// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/IncrementalAlterConfigsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class AlterConfigsResourceResponse {
  /** The resource error code. Versions 0-1. */
  errorCode: number = 0;
  /** The resource error message, or null if there was no error. Versions 0-1. */
  errorMessage: string | null = "";
  /** The resource type. Versions 0-1. */
  resourceType: number = 0;
  /** The resource name. Versions 0-1. */
  resourceName: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterConfigsResourceResponse {
    const o = new AlterConfigsResourceResponse();
    const flexible = v >= 1;
    o.errorCode = r.int16();
    o.errorMessage = (v >= 1 ? r.compactNullableString() : r.nullableString());
    o.resourceType = r.int8();
    o.resourceName = (v >= 1 ? r.compactString() : r.string());
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

  static write(w: Writer, v: number, o: AlterConfigsResourceResponse): void {
    const flexible = v >= 1;
    w.int16(o.errorCode);
    if (v >= 1) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
    w.int8(o.resourceType);
    if (v >= 1) w.compactString(o.resourceName);
    else w.string(o.resourceName);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AlterConfigsResourceResponse): number {
    let s = 0;
    const flexible = v >= 1;
    s += 2;
    s += (o.errorMessage === null ? (v >= 1 ? 1 : 2) : (v >= 1 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
    s += 1;
    s += (v >= 1 ? sizeOfCompactString(o.resourceName) : sizeOfString(o.resourceName));
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
  static isDefault(o: AlterConfigsResourceResponse): boolean {
    return (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.resourceType === 0) &&
      (o.resourceName === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** IncrementalAlterConfigsResponse: versions 0-1, flexible 1+. */
export class IncrementalAlterConfigsResponse {
  static readonly messageName = 'IncrementalAlterConfigsResponse';
  static readonly apiKey = 44;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 1;

  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number = 0;
  /** The responses for each resource. Versions 0-1. */
  responses: AlterConfigsResourceResponse[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): IncrementalAlterConfigsResponse {
    const o = new IncrementalAlterConfigsResponse();
    const flexible = v >= 1;
    o.throttleTimeMs = r.int32();
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Responses was null');
    } else {
      const a2: AlterConfigsResourceResponse[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AlterConfigsResourceResponse.read(r, v));
      o.responses = a2;
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

  static write(w: Writer, v: number, o: IncrementalAlterConfigsResponse): void {
    const flexible = v >= 1;
    w.int32(o.throttleTimeMs);
    if (v >= 1) w.compactArrayLength(o.responses.length);
    else w.arrayLength(o.responses.length);
    for (let i4 = 0; i4 < o.responses.length; i4++) AlterConfigsResourceResponse.write(w, v, o.responses[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: IncrementalAlterConfigsResponse): number {
    let s = 0;
    const flexible = v >= 1;
    s += 4;
    s += (v >= 1 ? sizeOfCompactLength(o.responses.length) : 4);
    for (let i5 = 0; i5 < o.responses.length; i5++) s += AlterConfigsResourceResponse.size(v, o.responses[i5]!);
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
  static isDefault(o: IncrementalAlterConfigsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.responses.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
