// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/WriteTxnMarkersRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class WritableTxnMarkerTopic {
  /** The topic name. Versions 0-1. */
  name: string = "";
  /** The indexes of the partitions to write transaction markers for. Versions 0-1. */
  partitionIndexes: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): WritableTxnMarkerTopic {
    const o = new WritableTxnMarkerTopic();
    const flexible = v >= 1;
    o.name = (v >= 1 ? r.compactString() : r.string());
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field PartitionIndexes was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.partitionIndexes = a2;
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

  static write(w: Writer, v: number, o: WritableTxnMarkerTopic): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 1) w.compactArrayLength(o.partitionIndexes.length);
    else w.arrayLength(o.partitionIndexes.length);
    for (let i4 = 0; i4 < o.partitionIndexes.length; i4++) w.int32(o.partitionIndexes[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: WritableTxnMarkerTopic): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 1 ? sizeOfCompactLength(o.partitionIndexes.length) : 4) + o.partitionIndexes.length * 4;
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
  static isDefault(o: WritableTxnMarkerTopic): boolean {
    return (o.name === "") &&
      (o.partitionIndexes.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class WritableTxnMarker {
  /** The current producer ID. Versions 0-1. */
  producerId: bigint = 0n;
  /** The current epoch associated with the producer ID. Versions 0-1. */
  producerEpoch: number = 0;
  /** The result of the transaction to write to the partitions (false = ABORT, true = COMMIT). Versions 0-1. */
  transactionResult: boolean = false;
  /** Each topic that we want to write transaction marker(s) for. Versions 0-1. */
  topics: WritableTxnMarkerTopic[] = [];
  /** Epoch associated with the transaction state partition hosted by this transaction coordinator Versions 0-1. */
  coordinatorEpoch: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): WritableTxnMarker {
    const o = new WritableTxnMarker();
    const flexible = v >= 1;
    o.producerId = r.int64();
    o.producerEpoch = r.int16();
    o.transactionResult = r.bool();
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: WritableTxnMarkerTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(WritableTxnMarkerTopic.read(r, v));
      o.topics = a2;
    }
    o.coordinatorEpoch = r.int32();
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

  static write(w: Writer, v: number, o: WritableTxnMarker): void {
    const flexible = v >= 1;
    w.int64(o.producerId);
    w.int16(o.producerEpoch);
    w.bool(o.transactionResult);
    if (v >= 1) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) WritableTxnMarkerTopic.write(w, v, o.topics[i4]!);
    w.int32(o.coordinatorEpoch);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: WritableTxnMarker): number {
    let s = 0;
    const flexible = v >= 1;
    s += 8;
    s += 2;
    s += 1;
    s += (v >= 1 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += WritableTxnMarkerTopic.size(v, o.topics[i5]!);
    s += 4;
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
  static isDefault(o: WritableTxnMarker): boolean {
    return (o.producerId === 0n) &&
      (o.producerEpoch === 0) &&
      (o.transactionResult === false) &&
      (o.topics.length === 0) &&
      (o.coordinatorEpoch === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** WriteTxnMarkersRequest: versions 0-1, flexible 1+. */
export class WriteTxnMarkersRequest {
  static readonly messageName = 'WriteTxnMarkersRequest';
  static readonly apiKey = 27;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 1;

  /** The transaction markers to be written. Versions 0-1. */
  markers: WritableTxnMarker[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): WriteTxnMarkersRequest {
    const o = new WriteTxnMarkersRequest();
    const flexible = v >= 1;
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Markers was null');
    } else {
      const a2: WritableTxnMarker[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(WritableTxnMarker.read(r, v));
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

  static write(w: Writer, v: number, o: WriteTxnMarkersRequest): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactArrayLength(o.markers.length);
    else w.arrayLength(o.markers.length);
    for (let i4 = 0; i4 < o.markers.length; i4++) WritableTxnMarker.write(w, v, o.markers[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: WriteTxnMarkersRequest): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactLength(o.markers.length) : 4);
    for (let i5 = 0; i5 < o.markers.length; i5++) s += WritableTxnMarker.size(v, o.markers[i5]!);
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
  static isDefault(o: WriteTxnMarkersRequest): boolean {
    return (o.markers.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
