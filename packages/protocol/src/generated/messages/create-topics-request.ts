// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/CreateTopicsRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class CreatableTopicConfig {
  /** The configuration name. Versions 0-7. */
  name: string = "";
  /** The configuration value. Versions 0-7. */
  value: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreatableTopicConfig {
    const o = new CreatableTopicConfig();
    const flexible = v >= 5;
    o.name = (v >= 5 ? r.compactString() : r.string());
    o.value = (v >= 5 ? r.compactNullableString() : r.nullableString());
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

  static write(w: Writer, v: number, o: CreatableTopicConfig): void {
    const flexible = v >= 5;
    if (v >= 5) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 5) w.compactNullableString(o.value);
    else w.nullableString(o.value);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreatableTopicConfig): number {
    let s = 0;
    const flexible = v >= 5;
    s += (v >= 5 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (o.value === null ? (v >= 5 ? 1 : 2) : (v >= 5 ? sizeOfCompactString(o.value) : sizeOfString(o.value)));
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
  static isDefault(o: CreatableTopicConfig): boolean {
    return (o.name === "") &&
      (o.value === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class CreatableReplicaAssignment {
  /** The partition index. Versions 0-7. */
  partitionIndex: number = 0;
  /** The brokers to place the partition on. Versions 0-7. */
  brokerIds: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreatableReplicaAssignment {
    const o = new CreatableReplicaAssignment();
    const flexible = v >= 5;
    o.partitionIndex = r.int32();
    const n1 = (v >= 5 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field BrokerIds was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.brokerIds = a2;
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

  static write(w: Writer, v: number, o: CreatableReplicaAssignment): void {
    const flexible = v >= 5;
    w.int32(o.partitionIndex);
    if (v >= 5) w.compactArrayLength(o.brokerIds.length);
    else w.arrayLength(o.brokerIds.length);
    for (let i4 = 0; i4 < o.brokerIds.length; i4++) w.int32(o.brokerIds[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreatableReplicaAssignment): number {
    let s = 0;
    const flexible = v >= 5;
    s += 4;
    s += (v >= 5 ? sizeOfCompactLength(o.brokerIds.length) : 4) + o.brokerIds.length * 4;
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
  static isDefault(o: CreatableReplicaAssignment): boolean {
    return (o.partitionIndex === 0) &&
      (o.brokerIds.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class CreatableTopic {
  /** The topic name. Versions 0-7. */
  name: string = "";
  /** The number of partitions to create in the topic, or -1 if we are either specifying a manual partition assignment or using the default partitions. Versions 0-7. */
  numPartitions: number = 0;
  /** The number of replicas to create for each partition in the topic, or -1 if we are either specifying a manual partition assignment or using the default replication factor. Versions 0-7. */
  replicationFactor: number = 0;
  /** The manual partition assignment, or the empty array if we are using automatic assignment. Versions 0-7. */
  assignments: CreatableReplicaAssignment[] = [];
  /** The custom topic configurations to set. Versions 0-7. */
  configs: CreatableTopicConfig[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreatableTopic {
    const o = new CreatableTopic();
    const flexible = v >= 5;
    o.name = (v >= 5 ? r.compactString() : r.string());
    o.numPartitions = r.int32();
    o.replicationFactor = r.int16();
    const n1 = (v >= 5 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Assignments was null');
    } else {
      const a2: CreatableReplicaAssignment[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(CreatableReplicaAssignment.read(r, v));
      o.assignments = a2;
    }
    const n4 = (v >= 5 ? r.compactArrayLength() : r.arrayLength());
    if (n4 < 0) {
      r.fail('non-nullable field Configs was null');
    } else {
      const a5: CreatableTopicConfig[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(CreatableTopicConfig.read(r, v));
      o.configs = a5;
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

  static write(w: Writer, v: number, o: CreatableTopic): void {
    const flexible = v >= 5;
    if (v >= 5) w.compactString(o.name);
    else w.string(o.name);
    w.int32(o.numPartitions);
    w.int16(o.replicationFactor);
    if (v >= 5) w.compactArrayLength(o.assignments.length);
    else w.arrayLength(o.assignments.length);
    for (let i7 = 0; i7 < o.assignments.length; i7++) CreatableReplicaAssignment.write(w, v, o.assignments[i7]!);
    if (v >= 5) w.compactArrayLength(o.configs.length);
    else w.arrayLength(o.configs.length);
    for (let i8 = 0; i8 < o.configs.length; i8++) CreatableTopicConfig.write(w, v, o.configs[i8]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreatableTopic): number {
    let s = 0;
    const flexible = v >= 5;
    s += (v >= 5 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += 4;
    s += 2;
    s += (v >= 5 ? sizeOfCompactLength(o.assignments.length) : 4);
    for (let i9 = 0; i9 < o.assignments.length; i9++) s += CreatableReplicaAssignment.size(v, o.assignments[i9]!);
    s += (v >= 5 ? sizeOfCompactLength(o.configs.length) : 4);
    for (let i10 = 0; i10 < o.configs.length; i10++) s += CreatableTopicConfig.size(v, o.configs[i10]!);
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
  static isDefault(o: CreatableTopic): boolean {
    return (o.name === "") &&
      (o.numPartitions === 0) &&
      (o.replicationFactor === 0) &&
      (o.assignments.length === 0) &&
      (o.configs.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** CreateTopicsRequest: versions 0-7, flexible 5+. */
export class CreateTopicsRequest {
  static readonly messageName = 'CreateTopicsRequest';
  static readonly apiKey = 19;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 7;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 5;

  /** The topics to create. Versions 0-7. */
  topics: CreatableTopic[] = [];
  /** How long to wait in milliseconds before timing out the request. Versions 0-7. */
  timeoutMs: number = 60000;
  /** If true, check that the topics can be created as specified, but don't create anything. Versions 1-7. */
  validateOnly: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): CreateTopicsRequest {
    const o = new CreateTopicsRequest();
    const flexible = v >= 5;
    const n1 = (v >= 5 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: CreatableTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(CreatableTopic.read(r, v));
      o.topics = a2;
    }
    o.timeoutMs = r.int32();
    if (v >= 1) {
      o.validateOnly = r.bool();
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

  static write(w: Writer, v: number, o: CreateTopicsRequest): void {
    const flexible = v >= 5;
    if (v >= 5) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) CreatableTopic.write(w, v, o.topics[i4]!);
    w.int32(o.timeoutMs);
    if (v >= 1) {
      w.bool(o.validateOnly);
    }
    if (!(v >= 1)) {
      if (!(o.validateOnly === false)) throw fieldNotSupported('validateOnly', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: CreateTopicsRequest): number {
    let s = 0;
    const flexible = v >= 5;
    s += (v >= 5 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += CreatableTopic.size(v, o.topics[i5]!);
    s += 4;
    if (v >= 1) {
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
  static isDefault(o: CreateTopicsRequest): boolean {
    return (o.topics.length === 0) &&
      (o.timeoutMs === 60000) &&
      (o.validateOnly === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
