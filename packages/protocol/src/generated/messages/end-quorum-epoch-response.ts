// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/EndQuorumEpochResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class NodeEndpoint {
  /** The ID of the associated node Versions 1-1. */
  nodeId: number = 0;
  /** The node's hostname Versions 1-1. */
  host: string = "";
  /** The node's port Versions 1-1. */
  port: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): NodeEndpoint {
    const o = new NodeEndpoint();
    o.nodeId = r.int32();
    o.host = r.compactString();
    o.port = r.uint16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: NodeEndpoint): void {
    w.int32(o.nodeId);
    w.compactString(o.host);
    w.uint16(o.port);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: NodeEndpoint): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactString(o.host);
    s += 2;
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
  static isDefault(o: NodeEndpoint): boolean {
    return (o.nodeId === 0) &&
      (o.host === "") &&
      (o.port === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class PartitionData {
  /** The partition index. Versions 0-1. */
  partitionIndex: number = 0;
  /** Versions 0-1. */
  errorCode: number = 0;
  /** The ID of the current leader or -1 if the leader is unknown. Versions 0-1. */
  leaderId: number = 0;
  /** The latest known leader epoch Versions 0-1. */
  leaderEpoch: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionData {
    const o = new PartitionData();
    const flexible = v >= 1;
    o.partitionIndex = r.int32();
    o.errorCode = r.int16();
    o.leaderId = r.int32();
    o.leaderEpoch = r.int32();
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

  static write(w: Writer, v: number, o: PartitionData): void {
    const flexible = v >= 1;
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    w.int32(o.leaderId);
    w.int32(o.leaderEpoch);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: PartitionData): number {
    let s = 0;
    const flexible = v >= 1;
    s += 4;
    s += 2;
    s += 4;
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
  static isDefault(o: PartitionData): boolean {
    return (o.partitionIndex === 0) &&
      (o.errorCode === 0) &&
      (o.leaderId === 0) &&
      (o.leaderEpoch === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicData {
  /** The topic name. Versions 0-1. */
  topicName: string = "";
  /** Versions 0-1. */
  partitions: PartitionData[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicData {
    const o = new TopicData();
    const flexible = v >= 1;
    o.topicName = (v >= 1 ? r.compactString() : r.string());
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: PartitionData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionData.read(r, v));
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

  static write(w: Writer, v: number, o: TopicData): void {
    const flexible = v >= 1;
    if (v >= 1) w.compactString(o.topicName);
    else w.string(o.topicName);
    if (v >= 1) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) PartitionData.write(w, v, o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TopicData): number {
    let s = 0;
    const flexible = v >= 1;
    s += (v >= 1 ? sizeOfCompactString(o.topicName) : sizeOfString(o.topicName));
    s += (v >= 1 ? sizeOfCompactLength(o.partitions.length) : 4);
    for (let i5 = 0; i5 < o.partitions.length; i5++) s += PartitionData.size(v, o.partitions[i5]!);
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
  static isDefault(o: TopicData): boolean {
    return (o.topicName === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** EndQuorumEpochResponse: versions 0-1, flexible 1+. */
export class EndQuorumEpochResponse {
  static readonly messageName = 'EndQuorumEpochResponse';
  static readonly apiKey = 54;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 1;

  /** The top level error code. Versions 0-1. */
  errorCode: number = 0;
  /** Versions 0-1. */
  topics: TopicData[] = [];
  /** Endpoints for all leaders enumerated in PartitionData Versions 1-1. Tag 0. */
  nodeEndpoints: NodeEndpoint[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): EndQuorumEpochResponse {
    const o = new EndQuorumEpochResponse();
    const flexible = v >= 1;
    o.errorCode = r.int16();
    const n1 = (v >= 1 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: TopicData[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicData.read(r, v));
      o.topics = a2;
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        const start = r.pos;
        if (tag === 0 && v >= 1) {
          const n4 = r.compactArrayLength();
          if (n4 < 0) {
            r.fail('non-nullable field NodeEndpoints was null');
          } else {
            const a5: NodeEndpoint[] = [];
            for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(NodeEndpoint.read(r, v));
            o.nodeEndpoints = a5;
          }
        } else {
          (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
          continue;
        }
        if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: EndQuorumEpochResponse): void {
    const flexible = v >= 1;
    w.int16(o.errorCode);
    if (v >= 1) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i7 = 0; i7 < o.topics.length; i7++) TopicData.write(w, v, o.topics[i7]!);
    if (!(v >= 1)) {
      if (!(o.nodeEndpoints.length === 0)) throw fieldNotSupported('NodeEndpoints', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      const has10 = v >= 1 && !(o.nodeEndpoints.length === 0);
      if (has10) count++;
      w.unsignedVarint(count);
      let ui = 0;
      if (has10) {
        ui = writeTaggedFieldsBelow(w, u, ui, 0);
        w.unsignedVarint(0);
        let size11 = 0;
        size11 += sizeOfCompactLength(o.nodeEndpoints.length);
        for (let i12 = 0; i12 < o.nodeEndpoints.length; i12++) size11 += NodeEndpoint.size(v, o.nodeEndpoints[i12]!);
        w.unsignedVarint(size11);
        w.compactArrayLength(o.nodeEndpoints.length);
        for (let i13 = 0; i13 < o.nodeEndpoints.length; i13++) NodeEndpoint.write(w, v, o.nodeEndpoints[i13]!);
      }
      writeTaggedFieldsBelow(w, u, ui, Infinity);
    }
  }

  static size(v: number, o: EndQuorumEpochResponse): number {
    let s = 0;
    const flexible = v >= 1;
    s += 2;
    s += (v >= 1 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i9 = 0; i9 < o.topics.length; i9++) s += TopicData.size(v, o.topics[i9]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      if (v >= 1 && !(o.nodeEndpoints.length === 0)) {
        count++;
        let size14 = 0;
        size14 += sizeOfCompactLength(o.nodeEndpoints.length);
        for (let i15 = 0; i15 < o.nodeEndpoints.length; i15++) size14 += NodeEndpoint.size(v, o.nodeEndpoints[i15]!);
        s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size14) + size14;
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: EndQuorumEpochResponse): boolean {
    return (o.errorCode === 0) &&
      (o.topics.length === 0) &&
      (o.nodeEndpoints.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
