// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DeleteTopicsResponse.json

import { ZERO_UUID, nullNotAllowed, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DeletableTopicResult {
  /** The topic name Versions 0-6. */
  name: string | null = "";
  /** the unique topic ID Versions 6-6. */
  topicId: Uuid = ZERO_UUID;
  /** The deletion error, or 0 if the deletion succeeded. Versions 0-6. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 5-6. */
  errorMessage: string | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeletableTopicResult {
    const o = new DeletableTopicResult();
    const flexible = v >= 4;
    o.name = (v >= 6 ? (v >= 4 ? r.compactNullableString() : r.nullableString()) : (v >= 4 ? r.compactString() : r.string()));
    if (v >= 6) {
      o.topicId = r.uuid();
    }
    o.errorCode = r.int16();
    if (v >= 5) {
      o.errorMessage = r.compactNullableString();
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

  static write(w: Writer, v: number, o: DeletableTopicResult): void {
    const flexible = v >= 4;
    if (!(v >= 6)) {
      if (o.name === null) throw nullNotAllowed('Name', v);
    }
    if (v >= 6) {
      if (v >= 4) w.compactNullableString(o.name);
      else w.nullableString(o.name);
    } else {
      if (v >= 4) w.compactString(o.name!);
      else w.string(o.name!);
    }
    if (v >= 6) {
      w.uuid(o.topicId);
    }
    w.int16(o.errorCode);
    if (v >= 5) {
      w.compactNullableString(o.errorMessage);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DeletableTopicResult): number {
    let s = 0;
    const flexible = v >= 4;
    s += (o.name === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.name) : sizeOfString(o.name)));
    if (v >= 6) {
      s += 16;
    }
    s += 2;
    if (v >= 5) {
      s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
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
  static isDefault(o: DeletableTopicResult): boolean {
    return (o.name === "") &&
      (o.topicId === ZERO_UUID) &&
      (o.errorCode === 0) &&
      (o.errorMessage === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DeleteTopicsResponse: versions 0-6, flexible 4+. */
export class DeleteTopicsResponse {
  static readonly messageName = 'DeleteTopicsResponse';
  static readonly apiKey = 20;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 6;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-6. */
  throttleTimeMs: number = 0;
  /** The results for each topic we tried to delete. Versions 0-6. */
  responses: DeletableTopicResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteTopicsResponse {
    const o = new DeleteTopicsResponse();
    const flexible = v >= 4;
    if (v >= 1) {
      o.throttleTimeMs = r.int32();
    }
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Responses was null');
    } else {
      const a2: DeletableTopicResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DeletableTopicResult.read(r, v));
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

  static write(w: Writer, v: number, o: DeleteTopicsResponse): void {
    const flexible = v >= 4;
    if (v >= 1) {
      w.int32(o.throttleTimeMs);
    }
    if (v >= 4) w.compactArrayLength(o.responses.length);
    else w.arrayLength(o.responses.length);
    for (let i4 = 0; i4 < o.responses.length; i4++) DeletableTopicResult.write(w, v, o.responses[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DeleteTopicsResponse): number {
    let s = 0;
    const flexible = v >= 4;
    if (v >= 1) {
      s += 4;
    }
    s += (v >= 4 ? sizeOfCompactLength(o.responses.length) : 4);
    for (let i5 = 0; i5 < o.responses.length; i5++) s += DeletableTopicResult.size(v, o.responses[i5]!);
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
  static isDefault(o: DeleteTopicsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.responses.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
