// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/LeaderAndIsrResponse.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class LeaderAndIsrTopicError {
  /** The unique topic ID Versions 5-7. */
  topicId: Uuid = ZERO_UUID;
  /** Each partition. Versions 5-7. */
  partitionErrors: LeaderAndIsrPartitionError[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaderAndIsrTopicError {
    const o = new LeaderAndIsrTopicError();
    o.topicId = r.uuid();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field PartitionErrors was null');
    } else {
      const a2: LeaderAndIsrPartitionError[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(LeaderAndIsrPartitionError.read(r, v));
      o.partitionErrors = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: LeaderAndIsrTopicError): void {
    w.uuid(o.topicId);
    w.compactArrayLength(o.partitionErrors.length);
    for (let i4 = 0; i4 < o.partitionErrors.length; i4++) LeaderAndIsrPartitionError.write(w, v, o.partitionErrors[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: LeaderAndIsrTopicError): number {
    let s = 0;
    s += 16;
    s += sizeOfCompactLength(o.partitionErrors.length);
    for (let i5 = 0; i5 < o.partitionErrors.length; i5++) s += LeaderAndIsrPartitionError.size(v, o.partitionErrors[i5]!);
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
  static isDefault(o: LeaderAndIsrTopicError): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.partitionErrors.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class LeaderAndIsrPartitionError {
  /** The topic name. Versions 0-4. */
  topicName: string = "";
  /** The partition index. Versions 0-7. */
  partitionIndex: number = 0;
  /** The partition error code, or 0 if there was no error. Versions 0-7. */
  errorCode: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaderAndIsrPartitionError {
    const o = new LeaderAndIsrPartitionError();
    const flexible = v >= 4;
    if (v <= 4) {
      o.topicName = (v >= 4 ? r.compactString() : r.string());
    }
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

  static write(w: Writer, v: number, o: LeaderAndIsrPartitionError): void {
    const flexible = v >= 4;
    if (v <= 4) {
      if (v >= 4) w.compactString(o.topicName);
      else w.string(o.topicName);
    }
    w.int32(o.partitionIndex);
    w.int16(o.errorCode);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: LeaderAndIsrPartitionError): number {
    let s = 0;
    const flexible = v >= 4;
    if (v <= 4) {
      s += (v >= 4 ? sizeOfCompactString(o.topicName) : sizeOfString(o.topicName));
    }
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
  static isDefault(o: LeaderAndIsrPartitionError): boolean {
    return (o.topicName === "") &&
      (o.partitionIndex === 0) &&
      (o.errorCode === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** LeaderAndIsrResponse: versions 0-7, flexible 4+. */
export class LeaderAndIsrResponse {
  static readonly messageName = 'LeaderAndIsrResponse';
  static readonly apiKey = 4;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 7;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The error code, or 0 if there was no error. Versions 0-7. */
  errorCode: number = 0;
  /** Each partition in v0 to v4 message. Versions 0-4. */
  partitionErrors: LeaderAndIsrPartitionError[] = [];
  /** Each topic Versions 5-7. */
  topics: LeaderAndIsrTopicError[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): LeaderAndIsrResponse {
    const o = new LeaderAndIsrResponse();
    const flexible = v >= 4;
    o.errorCode = r.int16();
    if (v <= 4) {
      const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
      if (n1 < 0) {
        r.fail('non-nullable field PartitionErrors was null');
      } else {
        const a2: LeaderAndIsrPartitionError[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(LeaderAndIsrPartitionError.read(r, v));
        o.partitionErrors = a2;
      }
    }
    if (v >= 5) {
      const n4 = r.compactArrayLength();
      if (n4 < 0) {
        r.fail('non-nullable field Topics was null');
      } else {
        const a5: LeaderAndIsrTopicError[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(LeaderAndIsrTopicError.read(r, v));
        o.topics = a5;
      }
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

  static write(w: Writer, v: number, o: LeaderAndIsrResponse): void {
    const flexible = v >= 4;
    w.int16(o.errorCode);
    if (v <= 4) {
      if (v >= 4) w.compactArrayLength(o.partitionErrors.length);
      else w.arrayLength(o.partitionErrors.length);
      for (let i7 = 0; i7 < o.partitionErrors.length; i7++) LeaderAndIsrPartitionError.write(w, v, o.partitionErrors[i7]!);
    }
    if (!(v <= 4)) {
      if (!(o.partitionErrors.length === 0)) throw fieldNotSupported('PartitionErrors', v);
    }
    if (v >= 5) {
      w.compactArrayLength(o.topics.length);
      for (let i8 = 0; i8 < o.topics.length; i8++) LeaderAndIsrTopicError.write(w, v, o.topics[i8]!);
    }
    if (!(v >= 5)) {
      if (!(o.topics.length === 0)) throw fieldNotSupported('Topics', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: LeaderAndIsrResponse): number {
    let s = 0;
    const flexible = v >= 4;
    s += 2;
    if (v <= 4) {
      s += (v >= 4 ? sizeOfCompactLength(o.partitionErrors.length) : 4);
      for (let i9 = 0; i9 < o.partitionErrors.length; i9++) s += LeaderAndIsrPartitionError.size(v, o.partitionErrors[i9]!);
    }
    if (v >= 5) {
      s += sizeOfCompactLength(o.topics.length);
      for (let i10 = 0; i10 < o.topics.length; i10++) s += LeaderAndIsrTopicError.size(v, o.topics[i10]!);
    }
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
  static isDefault(o: LeaderAndIsrResponse): boolean {
    return (o.errorCode === 0) &&
      (o.partitionErrors.length === 0) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
