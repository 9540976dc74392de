// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ShareGroupMemberMetadataValue.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ShareGroupMemberMetadataValue: versions 0, flexible 0+. */
export class ShareGroupMemberMetadataValue {
  static readonly messageName = 'ShareGroupMemberMetadataValue';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The (optional) rack id. Versions 0-0. */
  rackId: string | null = "";
  /** The client id. Versions 0-0. */
  clientId: string = "";
  /** The client host. Versions 0-0. */
  clientHost: string = "";
  /** The list of subscribed topic names. Versions 0-0. */
  subscribedTopicNames: string[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ShareGroupMemberMetadataValue {
    const o = new ShareGroupMemberMetadataValue();
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
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: ShareGroupMemberMetadataValue): void {
    w.compactNullableString(o.rackId);
    w.compactString(o.clientId);
    w.compactString(o.clientHost);
    w.compactArrayLength(o.subscribedTopicNames.length);
    for (let i4 = 0; i4 < o.subscribedTopicNames.length; i4++) w.compactString(o.subscribedTopicNames[i4]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: ShareGroupMemberMetadataValue): number {
    let s = 0;
    s += (o.rackId === null ? 1 : sizeOfCompactString(o.rackId));
    s += sizeOfCompactString(o.clientId);
    s += sizeOfCompactString(o.clientHost);
    s += sizeOfCompactLength(o.subscribedTopicNames.length);
    for (let i5 = 0; i5 < o.subscribedTopicNames.length; i5++) s += sizeOfCompactString(o.subscribedTopicNames[i5]!);
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
  static isDefault(o: ShareGroupMemberMetadataValue): boolean {
    return (o.rackId === "") &&
      (o.clientId === "") &&
      (o.clientHost === "") &&
      (o.subscribedTopicNames.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
