// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/GetTelemetrySubscriptionsResponse.json

import { ZERO_UUID, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** GetTelemetrySubscriptionsResponse: versions 0, flexible 0+. */
export class GetTelemetrySubscriptionsResponse {
  static readonly messageName = 'GetTelemetrySubscriptionsResponse';
  static readonly apiKey = 71;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-0. */
  throttleTimeMs: number = 0;
  /** The error code, or 0 if there was no error. Versions 0-0. */
  errorCode: number = 0;
  /** Assigned client instance id if ClientInstanceId was 0 in the request, else 0. Versions 0-0. */
  clientInstanceId: Uuid = ZERO_UUID;
  /** Unique identifier for the current subscription set for this client instance. Versions 0-0. */
  subscriptionId: number = 0;
  /** Compression types that broker accepts for the PushTelemetryRequest. Versions 0-0. */
  acceptedCompressionTypes: number[] = [];
  /** Configured push interval, which is the lowest configured interval in the current subscription set. Versions 0-0. */
  pushIntervalMs: number = 0;
  /** The maximum bytes of binary data the broker accepts in PushTelemetryRequest. Versions 0-0. */
  telemetryMaxBytes: number = 0;
  /** Flag to indicate monotonic/counter metrics are to be emitted as deltas or cumulative values Versions 0-0. */
  deltaTemporality: boolean = false;
  /** Requested metrics prefix string match. Empty array: No metrics subscribed, Array[0] empty string: All metrics subscribed. Versions 0-0. */
  requestedMetrics: string[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): GetTelemetrySubscriptionsResponse {
    const o = new GetTelemetrySubscriptionsResponse();
    o.throttleTimeMs = r.int32();
    o.errorCode = r.int16();
    o.clientInstanceId = r.uuid();
    o.subscriptionId = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field AcceptedCompressionTypes was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int8());
      o.acceptedCompressionTypes = a2;
    }
    o.pushIntervalMs = r.int32();
    o.telemetryMaxBytes = r.int32();
    o.deltaTemporality = r.bool();
    const n4 = r.compactArrayLength();
    if (n4 < 0) {
      r.fail('non-nullable field RequestedMetrics was null');
    } else {
      const a5: string[] = [];
      for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(r.compactString());
      o.requestedMetrics = a5;
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: GetTelemetrySubscriptionsResponse): void {
    w.int32(o.throttleTimeMs);
    w.int16(o.errorCode);
    w.uuid(o.clientInstanceId);
    w.int32(o.subscriptionId);
    w.compactArrayLength(o.acceptedCompressionTypes.length);
    for (let i7 = 0; i7 < o.acceptedCompressionTypes.length; i7++) w.int8(o.acceptedCompressionTypes[i7]!);
    w.int32(o.pushIntervalMs);
    w.int32(o.telemetryMaxBytes);
    w.bool(o.deltaTemporality);
    w.compactArrayLength(o.requestedMetrics.length);
    for (let i8 = 0; i8 < o.requestedMetrics.length; i8++) w.compactString(o.requestedMetrics[i8]!);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: GetTelemetrySubscriptionsResponse): number {
    let s = 0;
    s += 4;
    s += 2;
    s += 16;
    s += 4;
    s += sizeOfCompactLength(o.acceptedCompressionTypes.length) + o.acceptedCompressionTypes.length * 1;
    s += 4;
    s += 4;
    s += 1;
    s += sizeOfCompactLength(o.requestedMetrics.length);
    for (let i9 = 0; i9 < o.requestedMetrics.length; i9++) s += sizeOfCompactString(o.requestedMetrics[i9]!);
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
  static isDefault(o: GetTelemetrySubscriptionsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.errorCode === 0) &&
      (o.clientInstanceId === ZERO_UUID) &&
      (o.subscriptionId === 0) &&
      (o.acceptedCompressionTypes.length === 0) &&
      (o.pushIntervalMs === 0) &&
      (o.telemetryMaxBytes === 0) &&
      (o.deltaTemporality === false) &&
      (o.requestedMetrics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
