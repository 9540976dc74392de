// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/InitProducerIdRequest.json

import { fieldNotSupported, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** InitProducerIdRequest: versions 0-5, flexible 2+. */
export class InitProducerIdRequest {
  static readonly messageName = 'InitProducerIdRequest';
  static readonly apiKey = 22;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The transactional id, or null if the producer is not transactional. Versions 0-5. */
  transactionalId: string | null = "";
  /** The time in ms to wait before aborting idle transactions sent by this producer. This is only relevant if a TransactionalId has been defined. Versions 0-5. */
  transactionTimeoutMs: number = 0;
  /** The producer id. This is used to disambiguate requests if a transactional id is reused following its expiration. Versions 3-5. */
  producerId: bigint = -1n;
  /** The producer's current epoch. This will be checked against the producer epoch on the broker, and the request will return an error if they do not match. Versions 3-5. */
  producerEpoch: number = -1;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): InitProducerIdRequest {
    const o = new InitProducerIdRequest();
    const flexible = v >= 2;
    o.transactionalId = (v >= 2 ? r.compactNullableString() : r.nullableString());
    o.transactionTimeoutMs = r.int32();
    if (v >= 3) {
      o.producerId = r.int64();
    }
    if (v >= 3) {
      o.producerEpoch = r.int16();
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

  static write(w: Writer, v: number, o: InitProducerIdRequest): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactNullableString(o.transactionalId);
    else w.nullableString(o.transactionalId);
    w.int32(o.transactionTimeoutMs);
    if (v >= 3) {
      w.int64(o.producerId);
    }
    if (!(v >= 3)) {
      if (!(o.producerId === -1n)) throw fieldNotSupported('ProducerId', v);
    }
    if (v >= 3) {
      w.int16(o.producerEpoch);
    }
    if (!(v >= 3)) {
      if (!(o.producerEpoch === -1)) throw fieldNotSupported('ProducerEpoch', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: InitProducerIdRequest): number {
    let s = 0;
    const flexible = v >= 2;
    s += (o.transactionalId === null ? (v >= 2 ? 1 : 2) : (v >= 2 ? sizeOfCompactString(o.transactionalId) : sizeOfString(o.transactionalId)));
    s += 4;
    if (v >= 3) {
      s += 8;
    }
    if (v >= 3) {
      s += 2;
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
  static isDefault(o: InitProducerIdRequest): boolean {
    return (o.transactionalId === "") &&
      (o.transactionTimeoutMs === 0) &&
      (o.producerId === -1n) &&
      (o.producerEpoch === -1) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
