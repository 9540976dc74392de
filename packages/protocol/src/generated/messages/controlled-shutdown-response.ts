// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ControlledShutdownResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class RemainingPartition {
  /** The name of the topic. Versions 0-3. */
  topicName: string = "";
  /** The index of the partition. Versions 0-3. */
  partitionIndex: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): RemainingPartition {
    const o = new RemainingPartition();
    const flexible = v >= 3;
    o.topicName = (v >= 3 ? r.compactString() : r.string());
    o.partitionIndex = r.int32();
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

  static write(w: Writer, v: number, o: RemainingPartition): void {
    const flexible = v >= 3;
    if (v >= 3) w.compactString(o.topicName);
    else w.string(o.topicName);
    w.int32(o.partitionIndex);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: RemainingPartition): number {
    let s = 0;
    const flexible = v >= 3;
    s += (v >= 3 ? sizeOfCompactString(o.topicName) : sizeOfString(o.topicName));
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
  static isDefault(o: RemainingPartition): boolean {
    return (o.topicName === "") &&
      (o.partitionIndex === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ControlledShutdownResponse: versions 0-3, flexible 3+. */
export class ControlledShutdownResponse {
  static readonly messageName = 'ControlledShutdownResponse';
  static readonly apiKey = 7;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** The top-level error code. Versions 0-3. */
  errorCode: number = 0;
  /** The partitions that the broker still leads. Versions 0-3. */
  remainingPartitions: RemainingPartition[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ControlledShutdownResponse {
    const o = new ControlledShutdownResponse();
    const flexible = v >= 3;
    o.errorCode = r.int16();
    const n1 = (v >= 3 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field RemainingPartitions was null');
    } else {
      const a2: RemainingPartition[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(RemainingPartition.read(r, v));
      o.remainingPartitions = a2;
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

  static write(w: Writer, v: number, o: ControlledShutdownResponse): void {
    const flexible = v >= 3;
    w.int16(o.errorCode);
    if (v >= 3) w.compactArrayLength(o.remainingPartitions.length);
    else w.arrayLength(o.remainingPartitions.length);
    for (let i4 = 0; i4 < o.remainingPartitions.length; i4++) RemainingPartition.write(w, v, o.remainingPartitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ControlledShutdownResponse): number {
    let s = 0;
    const flexible = v >= 3;
    s += 2;
    s += (v >= 3 ? sizeOfCompactLength(o.remainingPartitions.length) : 4);
    for (let i5 = 0; i5 < o.remainingPartitions.length; i5++) s += RemainingPartition.size(v, o.remainingPartitions[i5]!);
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
  static isDefault(o: ControlledShutdownResponse): boolean {
    return (o.errorCode === 0) &&
      (o.remainingPartitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
