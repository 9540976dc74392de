// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/StopReplicaResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class StopReplicaPartitionError {
  /** The topic name. Versions 0-4. */
  topicName: string = "";
  /** The partition index. Versions 0-4. */
  partitionIndex: number = 0;
  /** The partition error code, or 0 if there was no partition error. Versions 0-4. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): StopReplicaPartitionError {
    const o = new StopReplicaPartitionError();
    const flexible = v >= 2;
    o.topicName = (v >= 2 ? r.compactString() : r.string());
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

  static write(w: Writer, v: number, o: StopReplicaPartitionError): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.topicName);
    else w.string(o.topicName);
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: StopReplicaPartitionError): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.topicName) : sizeOfString(o.topicName));
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
  static isDefault(o: StopReplicaPartitionError): boolean {
    return (o.topicName === "") &&
      (o.partitionIndex === 0) &&
      (o.errorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** StopReplicaResponse: versions 0-4, flexible 2+. */
export class StopReplicaResponse {
  static readonly messageName = 'StopReplicaResponse';
  static readonly apiKey = 5;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The top-level error code, or 0 if there was no top-level error. Versions 0-4. */
  errorCode: number = 0;
  /** The responses for each partition. Versions 0-4. */
  partitionErrors: StopReplicaPartitionError[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): StopReplicaResponse {
    const o = new StopReplicaResponse();
    const flexible = v >= 2;
    o.errorCode = r.int16();
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field PartitionErrors was null');
    } else {
      const a2: StopReplicaPartitionError[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(StopReplicaPartitionError.read(r, v));
      o.partitionErrors = a2;
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

  static write(w: Writer, v: number, o: StopReplicaResponse): void {
    const flexible = v >= 2;
    w.int16(o.errorCode);
    if (v >= 2) w.compactArrayLength(o.partitionErrors.length);
    else w.arrayLength(o.partitionErrors.length);
    for (let i4 = 0; i4 < o.partitionErrors.length; i4++) StopReplicaPartitionError.write(w, v, o.partitionErrors[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: StopReplicaResponse): number {
    let s = 0;
    const flexible = v >= 2;
    s += 2;
    s += (v >= 2 ? sizeOfCompactLength(o.partitionErrors.length) : 4);
    for (let i5 = 0; i5 < o.partitionErrors.length; i5++) s += StopReplicaPartitionError.size(v, o.partitionErrors[i5]!);
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
  static isDefault(o: StopReplicaResponse): boolean {
    return (o.errorCode === 0) &&
      (o.partitionErrors.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
