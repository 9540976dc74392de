// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/BrokerHeartbeatRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** BrokerHeartbeatRequest: versions 0-1, flexible 0+. */
export class BrokerHeartbeatRequest {
  static readonly messageName = 'BrokerHeartbeatRequest';
  static readonly apiKey = 63;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The broker ID. Versions 0-1. */
  brokerId: number = 0;
  /** The broker epoch. Versions 0-1. */
  brokerEpoch: bigint = -1n;
  /** The highest metadata offset which the broker has reached. Versions 0-1. */
  currentMetadataOffset: bigint = 0n;
  /** True if the broker wants to be fenced, false otherwise. Versions 0-1. */
  wantFence: boolean = false;
  /** True if the broker wants to be shut down, false otherwise. Versions 0-1. */
  wantShutDown: boolean = false;
  /** Log directories that failed and went offline. Versions 1-1. Tag 0. */
  offlineLogDirs: Uuid[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): BrokerHeartbeatRequest {
    const o = new BrokerHeartbeatRequest();
    o.brokerId = r.int32();
    o.brokerEpoch = r.int64();
    o.currentMetadataOffset = r.int64();
    o.wantFence = r.bool();
    o.wantShutDown = r.bool();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      const start = r.pos;
      if (tag === 0 && v >= 1) {
        const n1 = r.compactArrayLength();
        if (n1 < 0) {
          r.fail('non-nullable field OfflineLogDirs was null');
        } else {
          const a2: Uuid[] = [];
          for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.uuid());
          o.offlineLogDirs = a2;
        }
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: BrokerHeartbeatRequest): void {
    w.int32(o.brokerId);
    w.int64(o.brokerEpoch);
    w.int64(o.currentMetadataOffset);
    w.bool(o.wantFence);
    w.bool(o.wantShutDown);
    if (!(v >= 1)) {
      if (!(o.offlineLogDirs.length === 0)) throw fieldNotSupported('OfflineLogDirs', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has5 = v >= 1 && !(o.offlineLogDirs.length === 0);
    if (has5) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has5) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size6 = 0;
      size6 += sizeOfCompactLength(o.offlineLogDirs.length) + o.offlineLogDirs.length * 16;
      w.unsignedVarint(size6);
      w.compactArrayLength(o.offlineLogDirs.length);
      for (let i7 = 0; i7 < o.offlineLogDirs.length; i7++) w.uuid(o.offlineLogDirs[i7]!);
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: BrokerHeartbeatRequest): number {
    let s = 0;
    s += 4;
    s += 8;
    s += 8;
    s += 1;
    s += 1;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (v >= 1 && !(o.offlineLogDirs.length === 0)) {
      count++;
      let size8 = 0;
      size8 += sizeOfCompactLength(o.offlineLogDirs.length) + o.offlineLogDirs.length * 16;
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size8) + size8;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: BrokerHeartbeatRequest): boolean {
    return (o.brokerId === 0) &&
      (o.brokerEpoch === -1n) &&
      (o.currentMetadataOffset === 0n) &&
      (o.wantFence === false) &&
      (o.wantShutDown === false) &&
      (o.offlineLogDirs.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
