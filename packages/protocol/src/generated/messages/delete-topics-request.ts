// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DeleteTopicsRequest.json

import { ZERO_UUID, fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DeleteTopicState {
  /** The topic name Versions 6-6. */
  name: string | null = null;
  /** The unique topic ID Versions 6-6. */
  topicId: Uuid = ZERO_UUID;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteTopicState {
    const o = new DeleteTopicState();
    o.name = r.compactNullableString();
    o.topicId = r.uuid();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DeleteTopicState): void {
    w.compactNullableString(o.name);
    w.uuid(o.topicId);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DeleteTopicState): number {
    let s = 0;
    s += (o.name === null ? 1 : sizeOfCompactString(o.name));
    s += 16;
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
  static isDefault(o: DeleteTopicState): boolean {
    return (o.name === null) &&
      (o.topicId === ZERO_UUID) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DeleteTopicsRequest: versions 0-6, flexible 4+. */
export class DeleteTopicsRequest {
  static readonly messageName = 'DeleteTopicsRequest';
  static readonly apiKey = 20;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 6;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The name or topic ID of the topic Versions 6-6. */
  topics: DeleteTopicState[] = [];
  /** The names of the topics to delete Versions 0-5. */
  topicNames: string[] = [];
  /** The length of time in milliseconds to wait for the deletions to complete. Versions 0-6. */
  timeoutMs: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DeleteTopicsRequest {
    const o = new DeleteTopicsRequest();
    const flexible = v >= 4;
    if (v >= 6) {
      const n1 = r.compactArrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field Topics was null');
      } else {
        const a2: DeleteTopicState[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DeleteTopicState.read(r, v));
        o.topics = a2;
      }
    }
    if (v <= 5) {
      const n4 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
      if (n4 < 0) {
        r.fail('non-nullable field TopicNames was null');
      } else {
        const a5: string[] = [];
        for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push((v >= 4 ? r.compactString() : r.string()));
        o.topicNames = a5;
      }
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

  static write(w: Writer, v: number, o: DeleteTopicsRequest): void {
    const flexible = v >= 4;
    if (v >= 6) {
      w.compactArrayLength(o.topics.length);
      for (let i7 = 0; i7 < o.topics.length; i7++) DeleteTopicState.write(w, v, o.topics[i7]!);
    }
    if (!(v >= 6)) {
      if (!(o.topics.length === 0)) throw fieldNotSupported('Topics', v);
    }
    if (v <= 5) {
      if (v >= 4) w.compactArrayLength(o.topicNames.length);
      else w.arrayLength(o.topicNames.length);
      for (let i8 = 0; i8 < o.topicNames.length; i8++) if (v >= 4) w.compactString(o.topicNames[i8]!);
      else w.string(o.topicNames[i8]!);
    }
    w.int32(o.timeoutMs);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DeleteTopicsRequest): number {
    let s = 0;
    const flexible = v >= 4;
    if (v >= 6) {
      s += sizeOfCompactLength(o.topics.length);
      for (let i9 = 0; i9 < o.topics.length; i9++) s += DeleteTopicState.size(v, o.topics[i9]!);
    }
    if (v <= 5) {
      s += (v >= 4 ? sizeOfCompactLength(o.topicNames.length) : 4);
      for (let i10 = 0; i10 < o.topicNames.length; i10++) s += (v >= 4 ? sizeOfCompactString(o.topicNames[i10]!) : sizeOfString(o.topicNames[i10]!));
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
  static isDefault(o: DeleteTopicsRequest): boolean {
    return (o.topics.length === 0) &&
      (o.topicNames.length === 0) &&
      (o.timeoutMs === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
