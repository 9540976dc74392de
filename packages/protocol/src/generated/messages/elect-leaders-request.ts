// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ElectLeadersRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class TopicPartitions {
  /** The name of a topic. Versions 0-2. */
  topic: string = "";
  /** The partitions of this topic whose leader should be elected. Versions 0-2. */
  partitions: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicPartitions {
    const o = new TopicPartitions();
    const flexible = v >= 2;
    o.topic = (v >= 2 ? r.compactString() : r.string());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
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

  static write(w: Writer, v: number, o: TopicPartitions): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.topic);
    else w.string(o.topic);
    if (v >= 2) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) w.int32(o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TopicPartitions): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.topic) : sizeOfString(o.topic));
    s += (v >= 2 ? sizeOfCompactLength(o.partitions.length) : 4) + o.partitions.length * 4;
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
  static isDefault(o: TopicPartitions): boolean {
    return (o.topic === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ElectLeadersRequest: versions 0-2, flexible 2+. */
export class ElectLeadersRequest {
  static readonly messageName = 'ElectLeadersRequest';
  static readonly apiKey = 43;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** Type of elections to conduct for the partition. A value of '0' elects the preferred replica. A value of '1' elects the first live replica if there are no in-sync replica. Versions 1-2. */
  electionType: number = 0;
  /** The topic partitions to elect leaders. Versions 0-2. */
  topicPartitions: TopicPartitions[] | null = [];
  /** The time in ms to wait for the election to complete. Versions 0-2. */
  timeoutMs: number = 60000;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ElectLeadersRequest {
    const o = new ElectLeadersRequest();
    const flexible = v >= 2;
    if (v >= 1) {
      o.electionType = r.int8();
    }
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      o.topicPartitions = null;
    } else {
      const a2: TopicPartitions[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicPartitions.read(r, v));
      o.topicPartitions = a2;
    }
    o.timeoutMs = r.int32();
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

  static write(w: Writer, v: number, o: ElectLeadersRequest): void {
    const flexible = v >= 2;
    if (v >= 1) {
      w.int8(o.electionType);
    }
    if (!(v >= 1)) {
      if (!(o.electionType === 0)) throw fieldNotSupported('ElectionType', v);
    }
    if (o.topicPartitions === null) (v >= 2 ? w.unsignedVarint(0) : w.int32(-1));
    else {
      if (v >= 2) w.compactArrayLength(o.topicPartitions.length);
      else w.arrayLength(o.topicPartitions.length);
      for (let i4 = 0; i4 < o.topicPartitions.length; i4++) TopicPartitions.write(w, v, o.topicPartitions[i4]!);
    }
    w.int32(o.timeoutMs);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ElectLeadersRequest): number {
    let s = 0;
    const flexible = v >= 2;
    if (v >= 1) {
      s += 1;
    }
    if (o.topicPartitions === null) s += (v >= 2 ? 1 : 4);
    else {
      s += (v >= 2 ? sizeOfCompactLength(o.topicPartitions.length) : 4);
      for (let i5 = 0; i5 < o.topicPartitions.length; i5++) s += TopicPartitions.size(v, o.topicPartitions[i5]!);
    }
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
  static isDefault(o: ElectLeadersRequest): boolean {
    return (o.electionType === 0) &&
      (o.topicPartitions !== null && o.topicPartitions.length === 0) &&
      (o.timeoutMs === 60000) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
