// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/PushTelemetryRequest.json

import { EMPTY_BYTES, ZERO_UUID, sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** PushTelemetryRequest: versions 0, flexible 0+. */
export class PushTelemetryRequest {
  static readonly messageName = 'PushTelemetryRequest';
  static readonly apiKey = 72;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Unique id for this client instance. Versions 0-0. */
  clientInstanceId: Uuid = ZERO_UUID;
  /** Unique identifier for the current subscription. Versions 0-0. */
  subscriptionId: number = 0;
  /** Client is terminating the connection. Versions 0-0. */
  terminating: boolean = false;
  /** Compression codec used to compress the metrics. Versions 0-0. */
  compressionType: number = 0;
  /** Metrics encoded in OpenTelemetry MetricsData v1 protobuf format. Versions 0-0. */
  metrics: Buffer = EMPTY_BYTES;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): PushTelemetryRequest {
    const o = new PushTelemetryRequest();
    o.clientInstanceId = r.uuid();
    o.subscriptionId = r.int32();
    o.terminating = r.bool();
    o.compressionType = r.int8();
    o.metrics = r.compactBytes();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: PushTelemetryRequest): void {
    w.uuid(o.clientInstanceId);
    w.int32(o.subscriptionId);
    w.bool(o.terminating);
    w.int8(o.compressionType);
    w.compactBytes(o.metrics);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: PushTelemetryRequest): number {
    let s = 0;
    s += 16;
    s += 4;
    s += 1;
    s += 1;
    s += sizeOfCompactLength(o.metrics.length) + o.metrics.length;
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
  static isDefault(o: PushTelemetryRequest): boolean {
    return (o.clientInstanceId === ZERO_UUID) &&
      (o.subscriptionId === 0) &&
      (o.terminating === false) &&
      (o.compressionType === 0) &&
      (o.metrics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
