// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: metadata/DelegationTokenRecord.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** DelegationTokenRecord: versions 0, flexible 0+. */
export class DelegationTokenRecord {
  static readonly messageName = 'DelegationTokenRecord';
  static readonly apiKey = 10;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** The delegation token owner. Versions 0-0. */
  owner: string = "";
  /** The delegation token requester. Versions 0-0. */
  requester: string = "";
  /** The principals which can renew this token. Versions 0-0. */
  renewers: string[] = [];
  /** The time at which this timestamp was issued. Versions 0-0. */
  issueTimestamp: bigint = 0n;
  /** The time at which this token cannot be renewed any more. Versions 0-0. */
  maxTimestamp: bigint = 0n;
  /** The next time at which this token must be renewed. Versions 0-0. */
  expirationTimestamp: bigint = 0n;
  /** The token id. Versions 0-0. */
  tokenId: string = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DelegationTokenRecord {
    const o = new DelegationTokenRecord();
    o.owner = r.compactString();
    o.requester = r.compactString();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Renewers was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.compactString());
      o.renewers = a2;
    }
    o.issueTimestamp = r.int64();
    o.maxTimestamp = r.int64();
    o.expirationTimestamp = r.int64();
    o.tokenId = r.compactString();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DelegationTokenRecord): void {
    w.compactString(o.owner);
    w.compactString(o.requester);
    w.compactArrayLength(o.renewers.length);
    for (let i4 = 0; i4 < o.renewers.length; i4++) w.compactString(o.renewers[i4]!);
    w.int64(o.issueTimestamp);
    w.int64(o.maxTimestamp);
    w.int64(o.expirationTimestamp);
    w.compactString(o.tokenId);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DelegationTokenRecord): number {
    let s = 0;
    s += sizeOfCompactString(o.owner);
    s += sizeOfCompactString(o.requester);
    s += sizeOfCompactLength(o.renewers.length);
    for (let i5 = 0; i5 < o.renewers.length; i5++) s += sizeOfCompactString(o.renewers[i5]!);
    s += 8;
    s += 8;
    s += 8;
    s += sizeOfCompactString(o.tokenId);
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
  static isDefault(o: DelegationTokenRecord): boolean {
    return (o.owner === "") &&
      (o.requester === "") &&
      (o.renewers.length === 0) &&
      (o.issueTimestamp === 0n) &&
      (o.maxTimestamp === 0n) &&
      (o.expirationTimestamp === 0n) &&
      (o.tokenId === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
