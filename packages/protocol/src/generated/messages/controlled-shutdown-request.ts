// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ControlledShutdownRequest.json

import { sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ControlledShutdownRequest: versions 0-3, flexible 3+. */
export class ControlledShutdownRequest {
  static readonly messageName = 'ControlledShutdownRequest';
  static readonly apiKey = 7;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** The id of the broker for which controlled shutdown has been requested. Versions 0-3. */
  brokerId: number = 0;
  /** The broker epoch. Versions 2-3. */
  brokerEpoch: bigint = -1n;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ControlledShutdownRequest {
    const o = new ControlledShutdownRequest();
    const flexible = v >= 3;
    o.brokerId = r.int32();
    if (v >= 2) {
      o.brokerEpoch = r.int64();
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

  static write(w: Writer, v: number, o: ControlledShutdownRequest): void {
    const flexible = v >= 3;
    w.int32(o.brokerId);
    if (v >= 2) {
      w.int64(o.brokerEpoch);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ControlledShutdownRequest): number {
    let s = 0;
    const flexible = v >= 3;
    s += 4;
    if (v >= 2) {
      s += 8;
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
  static isDefault(o: ControlledShutdownRequest): boolean {
    return (o.brokerId === 0) &&
      (o.brokerEpoch === -1n) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
