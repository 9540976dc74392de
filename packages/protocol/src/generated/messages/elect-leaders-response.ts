// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ElectLeadersResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class PartitionResult {
  /** The partition id Versions 0-2. */
  partitionId: number = 0;
  /** The result error, or zero if there was no error. Versions 0-2. */
  errorCode: number = 0;
  /** The result message, or null if there was no error. Versions 0-2. */
  errorMessage: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PartitionResult {
    const o = new PartitionResult();
    const flexible = v >= 2;
    o.partitionId = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = (v >= 2 ? r.compactNullableString() : r.nullableString());
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

  static write(w: Writer, v: number, o: PartitionResult): void {
    const flexible = v >= 2;
    w.int32(o.partitionId);
    w.int16(o.errorCode);
    if (v >= 2) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: PartitionResult): number {
    let s = 0;
    const flexible = v >= 2;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? (v >= 2 ? 1 : 2) : (v >= 2 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
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
  static isDefault(o: PartitionResult): boolean {
    return (o.partitionId === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ReplicaElectionResult {
  /** The topic name Versions 0-2. */
  topic: string = "";
  /** The results for each partition Versions 0-2. */
  partitionResult: PartitionResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ReplicaElectionResult {
    const o = new ReplicaElectionResult();
    const flexible = v >= 2;
    o.topic = (v >= 2 ? r.compactString() : r.string());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field PartitionResult was null');
    } else {
      const a2: PartitionResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(PartitionResult.read(r, v));
      o.partitionResult = a2;
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

  static write(w: Writer, v: number, o: ReplicaElectionResult): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.topic);
    else w.string(o.topic);
    if (v >= 2) w.compactArrayLength(o.partitionResult.length);
    else w.arrayLength(o.partitionResult.length);
    for (let i4 = 0; i4 < o.partitionResult.length; i4++) PartitionResult.write(w, v, o.partitionResult[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ReplicaElectionResult): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.topic) : sizeOfString(o.topic));
    s += (v >= 2 ? sizeOfCompactLength(o.partitionResult.length) : 4);
    for (let i5 = 0; i5 < o.partitionResult.length; i5++) s += PartitionResult.size(v, o.partitionResult[i5]!);
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
  static isDefault(o: ReplicaElectionResult): boolean {
    return (o.topic === "") &&
      (o.partitionResult.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ElectLeadersResponse: versions 0-2, flexible 2+. */
export class ElectLeadersResponse {
  static readonly messageName = 'ElectLeadersResponse';
  static readonly apiKey = 43;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-2. */
  throttleTimeMs: number = 0;
  /** The top level response error code. Versions 1-2. */
  errorCode: number = 0;
  /** The election results, or an empty array if the requester did not have permission and the request asks for all partitions. Versions 0-2. */
  replicaElectionResults: ReplicaElectionResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ElectLeadersResponse {
    const o = new ElectLeadersResponse();
    const flexible = v >= 2;
    o.throttleTimeMs = r.int32();
    if (v >= 1) {
      o.errorCode = r.int16();
    }
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field ReplicaElectionResults was null');
    } else {
      const a2: ReplicaElectionResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ReplicaElectionResult.read(r, v));
      o.replicaElectionResults = a2;
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

  static write(w: Writer, v: number, o: ElectLeadersResponse): void {
    const flexible = v >= 2;
    w.int32(o.throttleTimeMs);
    if (v >= 1) {
      w.int16(o.errorCode);
    }
    if (!(v >= 1)) {
      if (!(o.errorCode === 0)) throw fieldNotSupported('ErrorCode', v);
    }
    if (v >= 2) w.compactArrayLength(o.replicaElectionResults.length);
    else w.arrayLength(o.replicaElectionResults.length);
    for (let i4 = 0; i4 < o.replicaElectionResults.length; i4++) ReplicaElectionResult.write(w, v, o.replicaElectionResults[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ElectLeadersResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 4;
    if (v >= 1) {
      s += 2;
    }
    s += (v >= 2 ? sizeOfCompactLength(o.replicaElectionResults.length) : 4);
    for (let i5 = 0; i5 < o.replicaElectionResults.length; i5++) s += ReplicaElectionResult.size(v, o.replicaElectionResults[i5]!);
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
  static isDefault(o: ElectLeadersResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.replicaElectionResults.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
