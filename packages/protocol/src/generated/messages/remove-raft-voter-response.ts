// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/RemoveRaftVoterResponse.json

import { sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** RemoveRaftVoterResponse: versions 0, flexible 0+. */
export class RemoveRaftVoterResponse {
  static readonly messageName = 'RemoveRaftVoterResponse';
  static readonly apiKey = 81;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error Versions 0-0. */
  errorCode: number = 0;
  /** The error message, or null if there was no error. Versions 0-0. */
  errorMessage: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): RemoveRaftVoterResponse {
    const o = new RemoveRaftVoterResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.errorMessage = r.compactNullableString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: RemoveRaftVoterResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.compactNullableString(o.errorMessage);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: RemoveRaftVoterResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += (o.errorMessage === null ? 1 : sizeOfCompactString(o.errorMessage));
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
  static isDefault(o: RemoveRaftVoterResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
