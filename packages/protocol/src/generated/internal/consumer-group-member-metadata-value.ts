// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ConsumerGroupMemberMetadataValue.json

import { EMPTY_BYTES, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class ClassicProtocol {
  /** The protocol name. Versions 0-0. */
  name: string = "";
  /** The protocol metadata. Versions 0-0. */
  metadata: Buffer = EMPTY_BYTES;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ClassicProtocol {
    const o = new ClassicProtocol();
    o.name = r.compactString();
    o.metadata = r.compactBytes();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ClassicProtocol): void {
    w.compactString(o.name);
    w.compactBytes(o.metadata);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ClassicProtocol): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += sizeOfCompactLength(o.metadata.length) + o.metadata.length;
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
  static isDefault(o: ClassicProtocol): boolean {
    return (o.name === "") &&
      (o.metadata.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ClassicMemberMetadata {
  /** The session timeout if the consumer uses the classic protocol. Versions 0-0. */
  sessionTimeoutMs: number = 0;
  /** The list of protocols that the member supports if the consumer uses the classic protocol. Versions 0-0. */
  supportedProtocols: ClassicProtocol[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ClassicMemberMetadata {
    const o = new ClassicMemberMetadata();
    o.sessionTimeoutMs = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field SupportedProtocols was null');
    } else {
      const a2: ClassicProtocol[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ClassicProtocol.read(r, v));
      o.supportedProtocols = a2;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ClassicMemberMetadata): void {
    w.int32(o.sessionTimeoutMs);
    w.compactArrayLength(o.supportedProtocols.length);
    for (let i4 = 0; i4 < o.supportedProtocols.length; i4++) ClassicProtocol.write(w, v, o.supportedProtocols[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ClassicMemberMetadata): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactLength(o.supportedProtocols.length);
    for (let i5 = 0; i5 < o.supportedProtocols.length; i5++) s += ClassicProtocol.size(v, o.supportedProtocols[i5]!);
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
  static isDefault(o: ClassicMemberMetadata): boolean {
    return (o.sessionTimeoutMs === 0) &&
      (o.supportedProtocols.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ConsumerGroupMemberMetadataValue: versions 0, flexible 0+. */
export class ConsumerGroupMemberMetadataValue {
  static readonly messageName = 'ConsumerGroupMemberMetadataValue';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The (optional) instance id. Versions 0-0. */
  instanceId: string | null = "";
  /** The (optional) rack id. Versions 0-0. */
  rackId: string | null = "";
  /** The client id. Versions 0-0. */
  clientId: string = "";
  /** The client host. Versions 0-0. */
  clientHost: string = "";
  /** The list of subscribed topic names. Versions 0-0. */
  subscribedTopicNames: string[] = [];
  /** The subscribed topic regular expression. Versions 0-0. */
  subscribedTopicRegex: string | null = "";
  /** The rebalance timeout Versions 0-0. */
  rebalanceTimeoutMs: number = -1;
  /** The server assignor to use; or null if not used. Versions 0-0. */
  serverAssignor: string | null = "";
  /** The classic member metadata which includes the supported protocols of the consumer if it uses the classic protocol. The metadata is null if the consumer uses the consumer protocol. Versions 0-0. Tag 0. */
  classicMemberMetadata: ClassicMemberMetadata | null = null;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ConsumerGroupMemberMetadataValue {
    const o = new ConsumerGroupMemberMetadataValue();
    o.instanceId = r.compactNullableString();
    o.rackId = r.compactNullableString();
    o.clientId = r.compactString();
    o.clientHost = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field SubscribedTopicNames was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.compactString());
      o.subscribedTopicNames = a2;
    }
    o.subscribedTopicRegex = r.compactNullableString();
    o.rebalanceTimeoutMs = r.int32();
    o.serverAssignor = r.compactNullableString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      const start = r.pos;
      if (tag === 0) {
        o.classicMemberMetadata = r.unsignedVarint() === 0 ? null : ClassicMemberMetadata.read(r, v);
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerGroupMemberMetadataValue): void {
    w.compactNullableString(o.instanceId);
    w.compactNullableString(o.rackId);
    w.compactString(o.clientId);
    w.compactString(o.clientHost);
    w.compactArrayLength(o.subscribedTopicNames.length);
    for (let i4 = 0; i4 < o.subscribedTopicNames.length; i4++) w.compactString(o.subscribedTopicNames[i4]!);
    w.compactNullableString(o.subscribedTopicRegex);
    w.int32(o.rebalanceTimeoutMs);
    w.compactNullableString(o.serverAssignor);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has6 = !(o.classicMemberMetadata === null);
    if (has6) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has6) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size7 = 0;
      size7 += o.classicMemberMetadata === null ? 1 : 1 + ClassicMemberMetadata.size(v, o.classicMemberMetadata!);
      w.unsignedVarint(size7);
      if (o.classicMemberMetadata === null) w.unsignedVarint(0);
      else {
        w.unsignedVarint(1);
        ClassicMemberMetadata.write(w, v, o.classicMemberMetadata!);
      }
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: ConsumerGroupMemberMetadataValue): number {
    let s = 0;
    s += (o.instanceId === null ? 1 : sizeOfCompactString(o.instanceId));
    s += (o.rackId === null ? 1 : sizeOfCompactString(o.rackId));
    s += sizeOfCompactString(o.clientId);
    s += sizeOfCompactString(o.clientHost);
    s += sizeOfCompactLength(o.subscribedTopicNames.length);
    for (let i5 = 0; i5 < o.subscribedTopicNames.length; i5++) s += sizeOfCompactString(o.subscribedTopicNames[i5]!);
    s += (o.subscribedTopicRegex === null ? 1 : sizeOfCompactString(o.subscribedTopicRegex));
    s += 4;
    s += (o.serverAssignor === null ? 1 : sizeOfCompactString(o.serverAssignor));
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (!(o.classicMemberMetadata === null)) {
      count++;
      let size8 = 0;
      size8 += o.classicMemberMetadata === null ? 1 : 1 + ClassicMemberMetadata.size(v, o.classicMemberMetadata!);
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size8) + size8;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ConsumerGroupMemberMetadataValue): boolean {
    return (o.instanceId === "") &&
      (o.rackId === "") &&
      (o.clientId === "") &&
      (o.clientHost === "") &&
      (o.subscribedTopicNames.length === 0) &&
      (o.subscribedTopicRegex === "") &&
      (o.rebalanceTimeoutMs === -1) &&
      (o.serverAssignor === "") &&
      (o.classicMemberMetadata === null) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
