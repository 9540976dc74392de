// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/RemoveRaftVoterRequest.json

import { ZERO_UUID, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** RemoveRaftVoterRequest: versions 0, flexible 0+. */
export class RemoveRaftVoterRequest {
  static readonly messageName = 'RemoveRaftVoterRequest';
  static readonly apiKey = 81;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Versions 0-0. */
  clusterId: string | null = "";
  /** The replica id of the voter getting removed from the topic partition Versions 0-0. */
  voterId: number = 0;
  /** The directory id of the voter getting removed from the topic partition Versions 0-0. */
  voterDirectoryId: Uuid = ZERO_UUID;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): RemoveRaftVoterRequest {
    const o = new RemoveRaftVoterRequest();
    o.clusterId = r.compactNullableString();
    o.voterId = r.int32();
    o.voterDirectoryId = r.uuid();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: RemoveRaftVoterRequest): void {
    w.compactNullableString(o.clusterId);
    w.int32(o.voterId);
    w.uuid(o.voterDirectoryId);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: RemoveRaftVoterRequest): number {
    let s = 0;
    s += (o.clusterId === null ? 1 : sizeOfCompactString(o.clusterId));
    s += 4;
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
  static isDefault(o: RemoveRaftVoterRequest): boolean {
    return (o.clusterId === "") &&
      (o.voterId === 0) &&
      (o.voterDirectoryId === ZERO_UUID) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
