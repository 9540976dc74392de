// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/MetadataRequest.json

import { ZERO_UUID, fieldNotSupported, nullNotAllowed, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class MetadataRequestTopic {
  /** The topic id. Versions 10-12. */
  topicId: Uuid = ZERO_UUID;
  /** The topic name. Versions 0-12. */
  name: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): MetadataRequestTopic {
    const o = new MetadataRequestTopic();
    const flexible = v >= 9;
    if (v >= 10) {
      o.topicId = r.uuid();
    }
    o.name = (v >= 10 ? (v >= 9 ? r.compactNullableString() : r.nullableString()) : (v >= 9 ? r.compactString() : r.string()));
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

  static write(w: Writer, v: number, o: MetadataRequestTopic): void {
    const flexible = v >= 9;
    if (v >= 10) {
      w.uuid(o.topicId);
    }
    if (!(v >= 10)) {
      if (o.name === null) throw nullNotAllowed('Name', v);
    }
    if (v >= 10) {
      if (v >= 9) w.compactNullableString(o.name);
      else w.nullableString(o.name);
    } else {
      if (v >= 9) w.compactString(o.name!);
      else w.string(o.name!);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: MetadataRequestTopic): number {
    let s = 0;
    const flexible = v >= 9;
    if (v >= 10) {
      s += 16;
    }
    s += (o.name === null ? (v >= 9 ? 1 : 2) : (v >= 9 ? sizeOfCompactString(o.name) : sizeOfString(o.name)));
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
  static isDefault(o: MetadataRequestTopic): boolean {
    return (o.topicId === ZERO_UUID) &&
      (o.name === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** MetadataRequest: versions 0-12, flexible 9+. */
export class MetadataRequest {
  static readonly messageName = 'MetadataRequest';
  static readonly apiKey = 3;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 12;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 9;

  /** The topics to fetch metadata for. Versions 0-12. */
  topics: MetadataRequestTopic[] | null = [];
  /** If this is true, the broker may auto-create topics that we requested which do not already exist, if it is configured to do so. Versions 4-12. */
  allowAutoTopicCreation: boolean = true;
  /** Whether to include cluster authorized operations. Versions 8-10. */
  includeClusterAuthorizedOperations: boolean = false;
  /** Whether to include topic authorized operations. Versions 8-12. */
  includeTopicAuthorizedOperations: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): MetadataRequest {
    const o = new MetadataRequest();
    const flexible = v >= 9;
    const n1 = (v >= 9 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      if (v >= 1) {
        o.topics = null;
      } else {
        r.fail('non-nullable field Topics was null');
      }
    } else {
      const a2: MetadataRequestTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(MetadataRequestTopic.read(r, v));
      o.topics = a2;
    }
    if (v >= 4) {
      o.allowAutoTopicCreation = r.bool();
    }
    if (v >= 8 && v <= 10) {
      o.includeClusterAuthorizedOperations = r.bool();
    }
    if (v >= 8) {
      o.includeTopicAuthorizedOperations = r.bool();
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

  static write(w: Writer, v: number, o: MetadataRequest): void {
    const flexible = v >= 9;
    if (!(v >= 1)) {
      if (o.topics === null) throw nullNotAllowed('Topics', v);
    }
    if (o.topics === null) (v >= 9 ? w.unsignedVarint(0) : w.int32(-1));
    else {
      if (v >= 9) w.compactArrayLength(o.topics.length);
      else w.arrayLength(o.topics.length);
      for (let i4 = 0; i4 < o.topics.length; i4++) MetadataRequestTopic.write(w, v, o.topics[i4]!);
    }
    if (v >= 4) {
      w.bool(o.allowAutoTopicCreation);
    }
    if (!(v >= 4)) {
      if (!(o.allowAutoTopicCreation === true)) throw fieldNotSupported('AllowAutoTopicCreation', v);
    }
    if (v >= 8 && v <= 10) {
      w.bool(o.includeClusterAuthorizedOperations);
    }
    if (!(v >= 8 && v <= 10)) {
      if (!(o.includeClusterAuthorizedOperations === false)) throw fieldNotSupported('IncludeClusterAuthorizedOperations', v);
    }
    if (v >= 8) {
      w.bool(o.includeTopicAuthorizedOperations);
    }
    if (!(v >= 8)) {
      if (!(o.includeTopicAuthorizedOperations === false)) throw fieldNotSupported('IncludeTopicAuthorizedOperations', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: MetadataRequest): number {
    let s = 0;
    const flexible = v >= 9;
    if (o.topics === null) s += (v >= 9 ? 1 : 4);
    else {
      s += (v >= 9 ? sizeOfCompactLength(o.topics.length) : 4);
      for (let i5 = 0; i5 < o.topics.length; i5++) s += MetadataRequestTopic.size(v, o.topics[i5]!);
    }
    if (v >= 4) {
      s += 1;
    }
    if (v >= 8 && v <= 10) {
      s += 1;
    }
    if (v >= 8) {
      s += 1;
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
  static isDefault(o: MetadataRequest): boolean {
    return (o.topics !== null && o.topics.length === 0) &&
      (o.allowAutoTopicCreation === true) &&
      (o.includeClusterAuthorizedOperations === false) &&
      (o.includeTopicAuthorizedOperations === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
