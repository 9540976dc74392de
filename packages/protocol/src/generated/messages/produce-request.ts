// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ProduceRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class PartitionProduceData {
  /** The partition index. Versions 0-11. */
  index: number = 0;
  /** The record data to be produced. Versions 0-11. */
  records: Buffer | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionProduceData {
    const o = new PartitionProduceData();
    const flexible = v >= 9;
    o.index = r.int32();
    o.records = (v >= 9 ? r.compactNullableBytes() : r.nullableBytes());
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

  static write(w: Writer, v: number, o: PartitionProduceData): void {
    const flexible = v >= 9;
    w.int32(o.index);
    if (v >= 9) w.compactRecords(o.records);
    else w.records(o.records);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: PartitionProduceData): number {
    let s = 0;
    const flexible = v >= 9;
    s += 4;
    s += (o.records === null ? (v >= 9 ? 1 : 4) : (v >= 9 ? sizeOfCompactLength(o.records.length) + o.records.length : 4 + o.records.length));
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
  static isDefault(o: PartitionProduceData): boolean {
    return (o.index === 0) &&
      (o.records === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicProduceData {
  /** The topic name. Versions 0-11. */
  name: string = "";
  /** Each partition to produce to. Versions 0-11. */
  partitionData: PartitionProduceData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicProduceData {
    const o = new TopicProduceData();
    const flexible = v >= 9;
    o.name = (v >= 9 ? r.compactString() : r.string());
    const n1 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field PartitionData was null');
    } else {
      const a2: PartitionProduceData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionProduceData.read(r, v));
      o.partitionData = a2;
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

  static write(w: Writer, v: number, o: TopicProduceData): void {
    const flexible = v >= 9;
    if (v >= 9) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 9) w.compactArrayLength(o.partitionData.length);
    else w.arrayLength(o.partitionData.length);
    for (let i4 = 0; i4 < o.partitionData.length; i4++) PartitionProduceData.write(w, v, o.partitionData[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TopicProduceData): number {
    let s = 0;
    const flexible = v >= 9;
    s += (v >= 9 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 9 ? sizeOfCompactLength(o.partitionData.length) : 4);
    for (let i5 = 0; i5 < o.partitionData.length; i5++) s += PartitionProduceData.size(v, o.partitionData[i5]!);
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
  static isDefault(o: TopicProduceData): boolean {
    return (o.name === "") &&
      (o.partitionData.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ProduceRequest: versions 0-11, flexible 9+. */
export class ProduceRequest {
  static readonly messageName = 'ProduceRequest';
  static readonly apiKey = 0;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 11;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 9;

  /** The transactional ID, or null if the producer is not transactional. Versions 3-11. */
  transactionalId: string | null = null;
  /** The number of acknowledgments the producer requires the leader to have received before considering a request complete. Allowed values: 0 for no acknowledgments, 1 for only the leader and -1 for the full ISR. Versions 0-11. */
  acks: number = 0;
  /** The timeout to await a response in milliseconds. Versions 0-11. */
  timeoutMs: number = 0;
  /** Each topic to produce to. Versions 0-11. */
  topicData: TopicProduceData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ProduceRequest {
    const o = new ProduceRequest();
    const flexible = v >= 9;
    if (v >= 3) {
      o.transactionalId = (v >= 9 ? r.compactNullableString() : r.nullableString());
    }
    o.acks = r.int16();
    o.timeoutMs = r.int32();
    const n1 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field TopicData was null');
    } else {
      const a2: TopicProduceData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicProduceData.read(r, v));
      o.topicData = a2;
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

  static write(w: Writer, v: number, o: ProduceRequest): void {
    const flexible = v >= 9;
    if (v >= 3) {
      if (v >= 9) w.compactNullableString(o.transactionalId);
      else w.nullableString(o.transactionalId);
    }
    if (!(v >= 3)) {
      if (!(o.transactionalId === null)) throw fieldNotSupported('TransactionalId', v);
    }
    w.int16(o.acks);
    w.int32(o.timeoutMs);
    if (v >= 9) w.compactArrayLength(o.topicData.length);
    else w.arrayLength(o.topicData.length);
    for (let i4 = 0; i4 < o.topicData.length; i4++) TopicProduceData.write(w, v, o.topicData[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ProduceRequest): number {
    let s = 0;
    const flexible = v >= 9;
    if (v >= 3) {
      s += (o.transactionalId === null ? (v >= 9 ? 1 : 2) : (v >= 9 ? sizeOfCompactString(o.transactionalId) : sizeOfString(o.transactionalId)));
    }
    s += 2;
    s += 4;
    s += (v >= 9 ? sizeOfCompactLength(o.topicData.length) : 4);
    for (let i5 = 0; i5 < o.topicData.length; i5++) s += TopicProduceData.size(v, o.topicData[i5]!);
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
  static isDefault(o: ProduceRequest): boolean {
    return (o.transactionalId === null) &&
      (o.acks === 0) &&
      (o.timeoutMs === 0) &&
      (o.topicData.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
