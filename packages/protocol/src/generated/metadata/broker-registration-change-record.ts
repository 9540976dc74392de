// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/BrokerRegistrationChangeRecord.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField, Uuid } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** BrokerRegistrationChangeRecord: versions 0-2, flexible 0+. */
export class BrokerRegistrationChangeRecord {
  static readonly messageName = 'BrokerRegistrationChangeRecord';
  static readonly apiKey = 17;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The broker id. Versions 0-2. */
  brokerId: number = 0;
  /** The broker epoch assigned by the controller. Versions 0-2. */
  brokerEpoch: bigint = 0n;
  /** -1 if the broker has been unfenced, 0 if no change, 1 if the broker has been fenced. Versions 0-2. Tag 0. */
  fenced: number = 0;
  /** 0 if no change, 1 if the broker is in controlled shutdown. Versions 1-2. Tag 1. */
  inControlledShutdown: number = 0;
  /** Log directories configured in this broker which are available. Versions 2-2. Tag 2. */
  logDirs: Uuid[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): BrokerRegistrationChangeRecord {
    const o = new BrokerRegistrationChangeRecord();
    o.brokerId = r.int32();
    o.brokerEpoch = r.int64();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      const start = r.pos;
      if (tag === 0) {
        o.fenced = r.int8();
      } else if (tag === 1 && v >= 1) {
        o.inControlledShutdown = r.int8();
      } else if (tag === 2 && v >= 2) {
        const n1 = r.compactArrayLength();
        if (n1 < 0) {
          r.fail('non-nullable field LogDirs was null');
        } else {
          const a2: Uuid[] = [];
          for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.uuid());
          o.logDirs = a2;
        }
      } else {
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
        continue;
      }
      if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
    }
    return o;
  }

  static write(w: Writer, v: number, o: BrokerRegistrationChangeRecord): void {
    w.int32(o.brokerId);
    w.int64(o.brokerEpoch);
    if (!(v >= 1)) {
      if (!(o.inControlledShutdown === 0)) throw fieldNotSupported('InControlledShutdown', v);
    }
    if (!(v >= 2)) {
      if (!(o.logDirs.length === 0)) throw fieldNotSupported('LogDirs', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    const has5 = !(o.fenced === 0);
    if (has5) count++;
    const has8 = v >= 1 && !(o.inControlledShutdown === 0);
    if (has8) count++;
    const has11 = v >= 2 && !(o.logDirs.length === 0);
    if (has11) count++;
    w.unsignedVarint(count);
    let ui = 0;
    if (has5) {
      ui = writeTaggedFieldsBelow(w, u, ui, 0);
      w.unsignedVarint(0);
      let size6 = 0;
      size6 += 1;
      w.unsignedVarint(size6);
      w.int8(o.fenced);
    }
    if (has8) {
      ui = writeTaggedFieldsBelow(w, u, ui, 1);
      w.unsignedVarint(1);
      let size9 = 0;
      size9 += 1;
      w.unsignedVarint(size9);
      w.int8(o.inControlledShutdown);
    }
    if (has11) {
      ui = writeTaggedFieldsBelow(w, u, ui, 2);
      w.unsignedVarint(2);
      let size12 = 0;
      size12 += sizeOfCompactLength(o.logDirs.length) + o.logDirs.length * 16;
      w.unsignedVarint(size12);
      w.compactArrayLength(o.logDirs.length);
      for (let i13 = 0; i13 < o.logDirs.length; i13++) w.uuid(o.logDirs[i13]!);
    }
    writeTaggedFieldsBelow(w, u, ui, Infinity);
  }

  static size(v: number, o: BrokerRegistrationChangeRecord): number {
    let s = 0;
    s += 4;
    s += 8;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    if (!(o.fenced === 0)) {
      count++;
      let size7 = 0;
      size7 += 1;
      s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size7) + size7;
    }
    if (v >= 1 && !(o.inControlledShutdown === 0)) {
      count++;
      let size10 = 0;
      size10 += 1;
      s += sizeOfUnsignedVarint(1) + sizeOfUnsignedVarint(size10) + size10;
    }
    if (v >= 2 && !(o.logDirs.length === 0)) {
      count++;
      let size14 = 0;
      size14 += sizeOfCompactLength(o.logDirs.length) + o.logDirs.length * 16;
      s += sizeOfUnsignedVarint(2) + sizeOfUnsignedVarint(size14) + size14;
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: BrokerRegistrationChangeRecord): boolean {
    return (o.brokerId === 0) &&
      (o.brokerEpoch === 0n) &&
      (o.fenced === 0) &&
      (o.inControlledShutdown === 0) &&
      (o.logDirs.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
