// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/CreateTopicsResponse.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class CreatableTopicConfigs {
  /** The configuration name. Versions 5-7. */
  name: string = "";
  /** The configuration value. Versions 5-7. */
  value: string | null = "";
  /** True if the configuration is read-only. Versions 5-7. */
  readOnly: boolean = false;
  /** The configuration source. Versions 5-7. */
  configSource: number = -1;
  /** True if this configuration is sensitive. Versions 5-7. */
  isSensitive: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreatableTopicConfigs {
    const o = new CreatableTopicConfigs();
    o.name = r.compactString();
    o.value = r.compactNullableString();
    o.readOnly = r.bool();
    o.configSource = r.int8();
    o.isSensitive = r.bool();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: CreatableTopicConfigs): void {
    w.compactString(o.name);
    w.compactNullableString(o.value);
    w.bool(o.readOnly);
    w.int8(o.configSource);
    w.bool(o.isSensitive);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: CreatableTopicConfigs): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += (o.value === null ? 1 : sizeOfCompactString(o.value));
    s += 1;
    s += 1;
    s += 1;
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
  static isDefault(o: CreatableTopicConfigs): boolean {
    return (o.name === "") &&
      (o.value === "") &&
      (o.readOnly === false) &&
      (o.configSource === -1) &&
      (o.isSensitive === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class CreatableTopicResult {
  /** The topic name. Versions 0-7. */
  name: string = "";
  /** The unique topic ID Versions 7-7. */
  topicId: Uuid = ZERO_UUID;
  /** The error code, or 0 if there was no error. Versions 0-7. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 1-7. */
  errorMessage: string | null = "";
  /** Optional topic config error returned if configs are not returned in the response. Versions 5-7. Tag 0. */
  topicConfigErrorCode: number = 0;
  /** Number of partitions of the topic. Versions 5-7. */
  numPartitions: number = -1;
  /** Replication factor of the topic. Versions 5-7. */
  replicationFactor: number = -1;
  /** Configuration of the topic. Versions 5-7. */
  configs: CreatableTopicConfigs[] | null = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreatableTopicResult {
    const o = new CreatableTopicResult();
    const flexible = v >= 5;
    o.name = (v >= 5 ? r.compactString() : r.string());
    if (v >= 7) {
      o.topicId = r.uuid();
    }
    o.errorCode = r.int16();
    if (v >= 1) {
      o.errorMessage = (v >= 5 ? r.compactNullableString() : r.nullableString());
    }
    if (v >= 5) {
      o.numPartitions = r.int32();
    }
    if (v >= 5) {
      o.replicationFactor = r.int16();
    }
    if (v >= 5) {
      const n1 = r.compactArrayLength();
      if (n1 < 0) {
        o.configs = null;
      } else {
        const a2: CreatableTopicConfigs[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(CreatableTopicConfigs.read(r, v));
        o.configs = a2;
      }
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        const start = r.pos;
        if (tag === 0 && v >= 5) {
          o.topicConfigErrorCode = r.int16();
        } else {
          (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
          continue;
        }
        if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: CreatableTopicResult): void {
    const flexible = v >= 5;
    if (v >= 5) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 7) {
      w.uuid(o.topicId);
    }
    w.int16(o.errorCode);
    if (v >= 1) {
      if (v >= 5) w.compactNullableString(o.errorMessage);
      else w.nullableString(o.errorMessage);
    }
    if (v >= 5) {
      w.int32(o.numPartitions);
    }
    if (v >= 5) {
      w.int16(o.replicationFactor);
    }
    if (v >= 5) {
      if (o.configs === null) w.unsignedVarint(0);
      else {
        w.compactArrayLength(o.configs.length);
        for (let i4 = 0; i4 < o.configs.length; i4++) CreatableTopicConfigs.write(w, v, o.configs[i4]!);
      }
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      const has6 = v >= 5 && !(o.topicConfigErrorCode === 0);
      if (has6) count++;
      w.unsignedVarint(count);
      let ui = 0;
      if (has6) {
        ui = writeTaggedFieldsBelow(w, u, ui, 0);
        w.unsignedVarint(0);
        let size7 = 0;
        size7 += 2;
        w.unsignedVarint(size7);
        w.int16(o.topicConfigErrorCode);
      }
      writeTaggedFieldsBelow(w, u, ui, Infinity);
    }
  }

  static size(v: number, o: CreatableTopicResult): number {
    let s = 0;
    const flexible = v >= 5;
    s += (v >= 5 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    if (v >= 7) {
      s += 16;
    }
    s += 2;
    if (v >= 1) {
      s += (o.errorMessage === null ? (v >= 5 ? 1 : 2) : (v >= 5 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
    }
    if (v >= 5) {
      s += 4;
    }
    if (v >= 5) {
      s += 2;
    }
    if (v >= 5) {
      if (o.configs === null) s += 1;
      else {
        s += sizeOfCompactLength(o.configs.length);
        for (let i5 = 0; i5 < o.configs.length; i5++) s += CreatableTopicConfigs.size(v, o.configs[i5]!);
      }
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      if (v >= 5 && !(o.topicConfigErrorCode === 0)) {
        count++;
        let size8 = 0;
        size8 += 2;
        s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size8) + size8;
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: CreatableTopicResult): boolean {
    return (o.name === "") &&
      (o.topicId === ZERO_UUID) &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.topicConfigErrorCode === 0) &&
      (o.numPartitions === -1) &&
      (o.replicationFactor === -1) &&
      (o.configs !== null && o.configs.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** CreateTopicsResponse: versions 0-7, flexible 5+. */
export class CreateTopicsResponse {
  static readonly messageName = 'CreateTopicsResponse';
  static readonly apiKey = 19;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 7;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 5;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2-7. */
  throttleTimeMs: number = 0;
  /** Results for each topic we tried to create. Versions 0-7. */
  topics: CreatableTopicResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreateTopicsResponse {
    const o = new CreateTopicsResponse();
    const flexible = v >= 5;
    if (v >= 2) {
      o.throttleTimeMs = r.int32();
    }
    const n1 = (v >= 5 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: CreatableTopicResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(CreatableTopicResult.read(r, v));
      o.topics = a2;
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

  static write(w: Writer, v: number, o: CreateTopicsResponse): void {
    const flexible = v >= 5;
    if (v >= 2) {
      w.int32(o.throttleTimeMs);
    }
    if (v >= 5) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) CreatableTopicResult.write(w, v, o.topics[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreateTopicsResponse): number {
    let s = 0;
    const flexible = v >= 5;
    if (v >= 2) {
      s += 4;
    }
    s += (v >= 5 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += CreatableTopicResult.size(v, o.topics[i5]!);
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
  static isDefault(o: CreateTopicsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
