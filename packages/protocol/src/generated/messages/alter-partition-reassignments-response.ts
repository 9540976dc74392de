// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AlterPartitionReassignmentsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ReassignablePartitionResponse {
  /** The partition index. Versions 0-0. */
  partitionIndex: number = 0;
  /** The error code for this partition, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** The error message for this partition, or null if there was no error. Versions 0-0. */
  errorMessage: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ReassignablePartitionResponse {
    const o = new ReassignablePartitionResponse();
    o.partitionIndex = r.int32();
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

  static write(w: Writer, v: number, o: ReassignablePartitionResponse): void {
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ReassignablePartitionResponse): number {
    let s = 0;
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
  static isDefault(o: ReassignablePartitionResponse): boolean {
    return (o.partitionIndex === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ReassignableTopicResponse {
  /** The topic name Versions 0-0. */
  name: string = "";
  /** The responses to partitions to reassign Versions 0-0. */
  partitions: ReassignablePartitionResponse[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ReassignableTopicResponse {
    const o = new ReassignableTopicResponse();
    o.name = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: ReassignablePartitionResponse[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ReassignablePartitionResponse.read(r, v));
      o.partitions = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ReassignableTopicResponse): void {
    w.compactString(o.name);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) ReassignablePartitionResponse.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ReassignableTopicResponse): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += ReassignablePartitionResponse.size(v, o.partitions[i5]!);
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
  static isDefault(o: ReassignableTopicResponse): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** AlterPartitionReassignmentsResponse: versions 0, flexible 0+. */
export class AlterPartitionReassignmentsResponse {
  static readonly messageName = 'AlterPartitionReassignmentsResponse';
  static readonly apiKey = 45;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The top-level error code, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** The top-level error message, or null if there was no error. Versions 0-0. */
  errorMessage: string | null = "";
  /** The responses to topics to reassign. Versions 0-0. */
  responses: ReassignableTopicResponse[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterPartitionReassignmentsResponse {
    const o = new AlterPartitionReassignmentsResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Responses was null');
    } else {
      const a2: ReassignableTopicResponse[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ReassignableTopicResponse.read(r, v));
      o.responses = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: AlterPartitionReassignmentsResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    w.compactArrayLength(o.responses.length);
    for (let i4 = 0; i4 < o.responses.length; i4++) ReassignableTopicResponse.write(w, v, o.responses[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: AlterPartitionReassignmentsResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
    s += sizeOfCompactLength(o.responses.length);
    for (let i5 = 0; i5 < o.responses.length; i5++) s += ReassignableTopicResponse.size(v, o.responses[i5]!);
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
  static isDefault(o: AlterPartitionReassignmentsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.responses.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
