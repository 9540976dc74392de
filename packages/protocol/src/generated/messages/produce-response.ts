// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ProduceResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class NodeEndpoint {
  /** The ID of the associated node. Versions 10-11. */
  nodeId: number = 0;
  /** The node's hostname. Versions 10-11. */
  host: string = "";
  /** The node's port. Versions 10-11. */
  port: number = 0;
  /** The rack of the node, or null if it has not been assigned to a rack. Versions 10-11. */
  rack: string | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): NodeEndpoint {
    const o = new NodeEndpoint();
    o.nodeId = r.int32();
    o.host = r.compactString();
    o.port = r.int32();
    o.rack = r.compactNullableString();
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
    w.int32(o.port);
    w.compactNullableString(o.rack);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: NodeEndpoint): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactString(o.host);
    s += 4;
    s += (o.rack === null ? 1 : sizeOfCompactString(o.rack));
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
      (o.rack === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class LeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. Versions 10-11. */
  leaderId: number = -1;
  /** The latest known leader epoch Versions 10-11. */
  leaderEpoch: number = -1;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaderIdAndEpoch {
    const o = new LeaderIdAndEpoch();
    o.leaderId = r.int32();
    o.leaderEpoch = r.int32();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: LeaderIdAndEpoch): void {
    w.int32(o.leaderId);
    w.int32(o.leaderEpoch);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: LeaderIdAndEpoch): number {
    let s = 0;
    s += 4;
    s += 4;
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
  static isDefault(o: LeaderIdAndEpoch): boolean {
    return (o.leaderId === -1) &&
      (o.leaderEpoch === -1) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class BatchIndexAndErrorMessage {
  /** The batch index of the record that cause the batch to be dropped Versions 8-11. */
  batchIndex: number = 0;
  /** The error message of the record that caused the batch to be dropped Versions 8-11. */
  batchIndexErrorMessage: string | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): BatchIndexAndErrorMessage {
    const o = new BatchIndexAndErrorMessage();
    const flexible = v >= 9;
    o.batchIndex = r.int32();
    o.batchIndexErrorMessage = (v >= 9 ? r.compactNullableString() : r.nullableString());
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

  static write(w: Writer, v: number, o: BatchIndexAndErrorMessage): void {
    const flexible = v >= 9;
    w.int32(o.batchIndex);
    if (v >= 9) w.compactNullableString(o.batchIndexErrorMessage);
    else w.nullableString(o.batchIndexErrorMessage);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: BatchIndexAndErrorMessage): number {
    let s = 0;
    const flexible = v >= 9;
    s += 4;
    s += (o.batchIndexErrorMessage === null ? (v >= 9 ? 1 : 2) : (v >= 9 ? sizeOfCompactString(o.batchIndexErrorMessage) : sizeOfString(o.batchIndexErrorMessage)));
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
  static isDefault(o: BatchIndexAndErrorMessage): boolean {
    return (o.batchIndex === 0) &&
      (o.batchIndexErrorMessage === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class PartitionProduceResponse {
  /** The partition index. Versions 0-11. */
  index: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-11. */
  errorCode: number = 0;
  /** The base offset. Versions 0-11. */
  baseOffset: bigint = 0n;
  /** The timestamp returned by broker after appending the messages. If CreateTime is used for the topic, the timestamp will be -1.  If LogAppendTime is used for the topic, the timestamp will be the broker local time when the messages are appended. Versions 2-11. */
  logAppendTimeMs: bigint = -1n;
  /** The log start offset. Versions 5-11. */
  logStartOffset: bigint = -1n;
  /** The batch indices of records that caused the batch to be dropped Versions 8-11. */
  recordErrors: BatchIndexAndErrorMessage[] = [];
  /** The global error message summarizing the common root cause of the records that caused the batch to be dropped Versions 8-11. */
  errorMessage: string | null = null;
  /** Versions 10-11. Tag 0. */
  currentLeader: LeaderIdAndEpoch = new LeaderIdAndEpoch();
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionProduceResponse {
    const o = new PartitionProduceResponse();
    const flexible = v >= 9;
    o.index = r.int32();
    o.errorCode = r.int16();
    o.baseOffset = r.int64();
    if (v >= 2) {
      o.logAppendTimeMs = r.int64();
    }
    if (v >= 5) {
      o.logStartOffset = r.int64();
    }
    if (v >= 8) {
      const n1 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
      if (n1 < 0) {
        r.fail('non-nullable field RecordErrors was null');
      } else {
        const a2: BatchIndexAndErrorMessage[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(BatchIndexAndErrorMessage.read(r, v));
        o.recordErrors = a2;
      }
    }
    if (v >= 8) {
      o.errorMessage = (v >= 9 ? r.compactNullableString() : r.nullableString());
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        const start = r.pos;
        if (tag === 0 && v >= 10) {
          o.currentLeader = LeaderIdAndEpoch.read(r, v);
        } else {
          (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
          continue;
        }
        if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: PartitionProduceResponse): void {
    const flexible = v >= 9;
    w.int32(o.index);
    w.int16(o.errorCode);
    w.int64(o.baseOffset);
    if (v >= 2) {
      w.int64(o.logAppendTimeMs);
    }
    if (v >= 5) {
      w.int64(o.logStartOffset);
    }
    if (v >= 8) {
      if (v >= 9) w.compactArrayLength(o.recordErrors.length);
      else w.arrayLength(o.recordErrors.length);
      for (let i4 = 0; i4 < o.recordErrors.length; i4++) BatchIndexAndErrorMessage.write(w, v, o.recordErrors[i4]!);
    }
    if (v >= 8) {
      if (v >= 9) w.compactNullableString(o.errorMessage);
      else w.nullableString(o.errorMessage);
    }
    if (!(v >= 10)) {
      if (!(LeaderIdAndEpoch.isDefault(o.currentLeader))) throw fieldNotSupported('CurrentLeader', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      const has6 = v >= 10 && !(LeaderIdAndEpoch.isDefault(o.currentLeader));
      if (has6) count++;
      w.unsignedVarint(count);
      let ui = 0;
      if (has6) {
        ui = writeTaggedFieldsBelow(w, u, ui, 0);
        w.unsignedVarint(0);
        let size7 = 0;
        size7 += LeaderIdAndEpoch.size(v, o.currentLeader!);
        w.unsignedVarint(size7);
        LeaderIdAndEpoch.write(w, v, o.currentLeader!);
      }
      writeTaggedFieldsBelow(w, u, ui, Infinity);
    }
  }

  static size(v: number, o: PartitionProduceResponse): number {
    let s = 0;
    const flexible = v >= 9;
    s += 4;
    s += 2;
    s += 8;
    if (v >= 2) {
      s += 8;
    }
    if (v >= 5) {
      s += 8;
    }
    if (v >= 8) {
      s += (v >= 9 ? sizeOfCompactLength(o.recordErrors.length) : 4);
      for (let i5 = 0; i5 < o.recordErrors.length; i5++) s += BatchIndexAndErrorMessage.size(v, o.recordErrors[i5]!);
    }
    if (v >= 8) {
      s += (o.errorMessage === null ? (v >= 9 ? 1 : 2) : (v >= 9 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      if (v >= 10 && !(LeaderIdAndEpoch.isDefault(o.currentLeader))) {
        count++;
        let size8 = 0;
        size8 += LeaderIdAndEpoch.size(v, o.currentLeader!);
        s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size8) + size8;
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: PartitionProduceResponse): boolean {
    return (o.index === 0) &&
      (o.errorCode === 0) &&
      (o.baseOffset === 0n) &&
      (o.logAppendTimeMs === -1n) &&
      (o.logStartOffset === -1n) &&
      (o.recordErrors.length === 0) &&
      (o.errorMessage === null) &&
      (LeaderIdAndEpoch.isDefault(o.currentLeader)) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class TopicProduceResponse {
  /** The topic name Versions 0-11. */
  name: string = "";
  /** Each partition that we produced to within the topic. Versions 0-11. */
  partitionResponses: PartitionProduceResponse[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): TopicProduceResponse {
    const o = new TopicProduceResponse();
    const flexible = v >= 9;
    o.name = (v >= 9 ? r.compactString() : r.string());
    const n1 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field PartitionResponses was null');
    } else {
      const a2: PartitionProduceResponse[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionProduceResponse.read(r, v));
      o.partitionResponses = a2;
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

  static write(w: Writer, v: number, o: TopicProduceResponse): void {
    const flexible = v >= 9;
    if (v >= 9) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 9) w.compactArrayLength(o.partitionResponses.length);
    else w.arrayLength(o.partitionResponses.length);
    for (let i4 = 0; i4 < o.partitionResponses.length; i4++) PartitionProduceResponse.write(w, v, o.partitionResponses[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: TopicProduceResponse): number {
    let s = 0;
    const flexible = v >= 9;
    s += (v >= 9 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 9 ? sizeOfCompactLength(o.partitionResponses.length) : 4);
    for (let i5 = 0; i5 < o.partitionResponses.length; i5++) s += PartitionProduceResponse.size(v, o.partitionResponses[i5]!);
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
  static isDefault(o: TopicProduceResponse): boolean {
    return (o.name === "") &&
      (o.partitionResponses.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ProduceResponse: versions 0-11, flexible 9+. */
export class ProduceResponse {
  static readonly messageName = 'ProduceResponse';
  static readonly apiKey = 0;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 11;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 9;

  /** Each produce response Versions 0-11. */
  responses: TopicProduceResponse[] = [];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-11. */
  throttleTimeMs: number = 0;
  /** Endpoints for all current-leaders enumerated in PartitionProduceResponses, with errors NOT_LEADER_OR_FOLLOWER. Versions 10-11. Tag 0. */
  nodeEndpoints: NodeEndpoint[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ProduceResponse {
    const o = new ProduceResponse();
    const flexible = v >= 9;
    const n1 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Responses was null');
    } else {
      const a2: TopicProduceResponse[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(TopicProduceResponse.read(r, v));
      o.responses = a2;
    }
    if (v >= 1) {
      o.throttleTimeMs = r.int32();
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        const start = r.pos;
        if (tag === 0 && v >= 10) {
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

  static write(w: Writer, v: number, o: ProduceResponse): void {
    const flexible = v >= 9;
    if (v >= 9) w.compactArrayLength(o.responses.length);
    else w.arrayLength(o.responses.length);
    for (let i7 = 0; i7 < o.responses.length; i7++) TopicProduceResponse.write(w, v, o.responses[i7]!);
    if (v >= 1) {
      w.int32(o.throttleTimeMs);
    }
    if (!(v >= 10)) {
      if (!(o.nodeEndpoints.length === 0)) throw fieldNotSupported('NodeEndpoints', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      const has10 = v >= 10 && !(o.nodeEndpoints.length === 0);
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

  static size(v: number, o: ProduceResponse): number {
    let s = 0;
    const flexible = v >= 9;
    s += (v >= 9 ? sizeOfCompactLength(o.responses.length) : 4);
    for (let i9 = 0; i9 < o.responses.length; i9++) s += TopicProduceResponse.size(v, o.responses[i9]!);
    if (v >= 1) {
      s += 4;
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      if (v >= 10 && !(o.nodeEndpoints.length === 0)) {
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
  static isDefault(o: ProduceResponse): boolean {
    return (o.responses.length === 0) &&
      (o.throttleTimeMs === 0) &&
      (o.nodeEndpoints.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
