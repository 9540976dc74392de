// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/BrokerHeartbeatResponse.json

import { sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** BrokerHeartbeatResponse: versions 0-1, flexible 0+. */
export class BrokerHeartbeatResponse {
  static readonly messageName = 'BrokerHeartbeatResponse';
  static readonly apiKey = 63;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-1. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-1. */
  errorCode: number = 0;
  /** True if the broker has approximately caught up with the latest metadata. Versions 0-1. */
  isCaughtUp: boolean = false;
  /** True if the broker is fenced. Versions 0-1. */
  isFenced: boolean = true;
  /** True if the broker should proceed with its shutdown. Versions 0-1. */
  shouldShutDown: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): BrokerHeartbeatResponse {
    const o = new BrokerHeartbeatResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.isCaughtUp = r.bool();
    o.isFenced = r.bool();
    o.shouldShutDown = r.bool();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: BrokerHeartbeatResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.bool(o.isCaughtUp);
    w.bool(o.isFenced);
    w.bool(o.shouldShutDown);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: BrokerHeartbeatResponse): number {
    let s = 0;
    s += 4;
    s += 2;
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
  static isDefault(o: BrokerHeartbeatResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.isCaughtUp === false) &&
      (o.isFenced === true) &&
      (o.shouldShutDown === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
