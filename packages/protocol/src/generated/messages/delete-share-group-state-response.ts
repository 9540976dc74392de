// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DeleteShareGroupStateResponse.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class PartitionResult {
  /** The partition index. Versions 0-0. */
  partition: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 0-0. */
  errorMessage: string | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionResult {
    const o = new PartitionResult();
    o.partition = r.int32();
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

  static write(w: Writer, v: number, o: PartitionResult): void {
    w.int32(o.partition);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PartitionResult): number {
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
  static isDefault(o: PartitionResult): boolean {
    return (o.partition === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DeleteStateResult {
  /** The topic identifier Versions 0-0. */
  topicId: Uuid = ZERO_UUID;
  /** The results for the partitions. Versions 0-0. */
  partitions: PartitionResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteStateResult {
    const o = new DeleteStateResult();
    o.topicId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: PartitionResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionResult.read(r, v));
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

  static write(w: Writer, v: number, o: DeleteStateResult): void {
    w.uuid(o.topicId);
    w.compactArrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionResult.write(w, v, o.partitions[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DeleteStateResult): number {
    let s = 0;
    s += 16;
    s += sizeOfCompactLength(o.partitions.length);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += PartitionResult.size(v, o.partitions[i5]!);
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
  static isDefault(o: DeleteStateResult): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DeleteShareGroupStateResponse: versions 0, flexible 0+. */
export class DeleteShareGroupStateResponse {
  static readonly messageName = 'DeleteShareGroupStateResponse';
  static readonly apiKey = 86;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The delete results Versions 0-0. */
  results: DeleteStateResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteShareGroupStateResponse {
    const o = new DeleteShareGroupStateResponse();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Results was null');
    } else {
      const a2: DeleteStateResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DeleteStateResult.read(r, v));
      o.results = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DeleteShareGroupStateResponse): void {
    w.compactArrayLength(o.results.length);
    for (let i4 = 0; i4 < o.results.length; i4++) DeleteStateResult.write(w, v, o.results[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DeleteShareGroupStateResponse): number {
    let s = 0;
    s += sizeOfCompactLength(o.results.length);
    for (let i5 = 0; i5 < o.results.length; i5++) s += DeleteStateResult.size(v, o.results[i5]!);
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
  static isDefault(o: DeleteShareGroupStateResponse): boolean {
    return (o.results.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
