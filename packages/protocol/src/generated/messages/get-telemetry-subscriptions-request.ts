// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/GetTelemetrySubscriptionsRequest.json

import { ZERO_UUID, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** GetTelemetrySubscriptionsRequest: versions 0, flexible 0+. */
export class GetTelemetrySubscriptionsRequest {
  static readonly messageName = 'GetTelemetrySubscriptionsRequest';
  static readonly apiKey = 71;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Unique id for this client instance, must be set to 0 on the first request. Versions 0-0. */
  clientInstanceId: Uuid = ZERO_UUID;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): GetTelemetrySubscriptionsRequest {
    const o = new GetTelemetrySubscriptionsRequest();
    o.clientInstanceId = r.uuid();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: GetTelemetrySubscriptionsRequest): void {
    w.uuid(o.clientInstanceId);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: GetTelemetrySubscriptionsRequest): number {
    let s = 0;
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
  static isDefault(o: GetTelemetrySubscriptionsRequest): boolean {
    return (o.clientInstanceId === ZERO_UUID) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
