// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/WriteTxnMarkersResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class WritableTxnMarkerPartitionResult {
  /** The partition index. Versions 0-1. */
  partitionIndex: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-1. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): WritableTxnMarkerPartitionResult {
    const o = new WritableTxnMarkerPartitionResult();
    const flexible = v >= 1;
    o.partitionIndex = r.int32();
    o.errorCode = r.int16();
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

  static write(w: Writer, v: number, o: WritableTxnMarkerPartitionResult): void {
    const flexible = v >= 1;
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: WritableTxnMarkerPartitionResult): number {
    let s = 0;
    const flexible = v >= 1;
    s += 4;
    s += 2;
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
  static isDefault(o: WritableTxnMarkerPartitionResult): boolean {
    return (o.partitionIndex === 0) &&
      (o.errorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class WritableTxnMarkerTopicResult {
  /** The topic name. Versions 0-1. */
  name: string = "";
  /** The results by partition. Versions 0-1. */
  partitions: WritableTxnMarkerPartitionResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): WritableTxnMarkerTopicResult {
    const o = new WritableTxnMarkerTopicResult();
    const flexible = v >= 1;
    o.name = (v >= 1 ? r.compactString() : r.string());
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: WritableTxnMarkerPartitionResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(WritableTxnMarkerPartitionResult.read(r, v));
      o.partitions = a2;
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

  static write(w: Writer, v: number, o: WritableTxnMarkerTopicResult): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 1) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) WritableTxnMarkerPartitionResult.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: WritableTxnMarkerTopicResult): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 1 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += WritableTxnMarkerPartitionResult.size(v, o.partitions[i5]!);
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
  static isDefault(o: WritableTxnMarkerTopicResult): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class WritableTxnMarkerResult {
  /** The current producer ID in use by the transactional ID. Versions 0-1. */
  producerId: bigint = 0n;
  /** The results by topic. Versions 0-1. */
  topics: WritableTxnMarkerTopicResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): WritableTxnMarkerResult {
    const o = new WritableTxnMarkerResult();
    const flexible = v >= 1;
    o.producerId = r.int64();
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: WritableTxnMarkerTopicResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(WritableTxnMarkerTopicResult.read(r, v));
      o.topics = a2;
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

  static write(w: Writer, v: number, o: WritableTxnMarkerResult): void {
    const flexible = v >= 1;
    w.int64(o.producerId);
    if (v >= 1) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) WritableTxnMarkerTopicResult.write(w, v, o.topics[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: WritableTxnMarkerResult): number {
    let s = 0;
    const flexible = v >= 1;
    s += 8;
    s += (v >= 1 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += WritableTxnMarkerTopicResult.size(v, o.topics[i5]!);
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
  static isDefault(o: WritableTxnMarkerResult): boolean {
    return (o.producerId === 0n) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** WriteTxnMarkersResponse: versions 0-1, flexible 1+. */
export class WriteTxnMarkersResponse {
  static readonly messageName = 'WriteTxnMarkersResponse';
  static readonly apiKey = 27;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 1;

  /** The results for writing makers. Versions 0-1. */
  markers: WritableTxnMarkerResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): WriteTxnMarkersResponse {
    const o = new WriteTxnMarkersResponse();
    const flexible = v >= 1;
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Markers was null');
    } else {
      const a2: WritableTxnMarkerResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(WritableTxnMarkerResult.read(r, v));
      o.markers = a2;
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

  static write(w: Writer, v: number, o: WriteTxnMarkersResponse): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactArrayLength(o.markers.length);
    else w.arrayLength(o.markers.length);
    for (let i4 = 0; i4 < o.markers.length; i4++) WritableTxnMarkerResult.write(w, v, o.markers[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: WriteTxnMarkersResponse): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactLength(o.markers.length) : 4);
    for (let i5 = 0; i5 < o.markers.length; i5++) s += WritableTxnMarkerResult.size(v, o.markers[i5]!);
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
  static isDefault(o: WriteTxnMarkersResponse): boolean {
    return (o.markers.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
