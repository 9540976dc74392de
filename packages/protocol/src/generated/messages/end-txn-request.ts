// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/EndTxnRequest.json

import { sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** EndTxnRequest: versions 0-4, flexible 3+. */
export class EndTxnRequest {
  static readonly messageName = 'EndTxnRequest';
  static readonly apiKey = 26;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** The ID of the transaction to end. Versions 0-4. */
  transactionalId: string = "";
  /** The producer ID. Versions 0-4. */
  producerId: bigint = 0n;
  /** The current epoch associated with the producer. Versions 0-4. */
  producerEpoch: number = 0;
  /** True if the transaction was committed, false if it was aborted. Versions 0-4. */
  committed: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): EndTxnRequest {
    const o = new EndTxnRequest();
    const flexible = v >= 3;
    o.transactionalId = (v >= 3 ? r.compactString() : r.string());
    o.producerId = r.int64();
    o.producerEpoch = r.int16();
    o.committed = r.bool();
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

  static write(w: Writer, v: number, o: EndTxnRequest): void {
    const flexible = v >= 3;
    if (v >= 3) w.compactString(o.transactionalId);
    else w.string(o.transactionalId);
    w.int64(o.producerId);
    w.int16(o.producerEpoch);
    w.bool(o.committed);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: EndTxnRequest): number {
    let s = 0;
    const flexible = v >= 3;
    s += (v >= 3 ? sizeOfCompactString(o.transactionalId) : sizeOfString(o.transactionalId));
    s += 8;
    s += 2;
    s += 1;
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
  static isDefault(o: EndTxnRequest): boolean {
    return (o.transactionalId === "") &&
      (o.producerId === 0n) &&
      (o.producerEpoch === 0) &&
      (o.committed === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
