// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/TransactionLogKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** TransactionLogKey: versions 0, flexible none. */
export class TransactionLogKey {
  static readonly messageName = 'TransactionLogKey';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 0;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** Versions 0-0. */
  transactionalId: string = "";

  static read(r: Reader, v: number): TransactionLogKey {
    const o = new TransactionLogKey();
    o.transactionalId = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: TransactionLogKey): void {
    w.string(o.transactionalId);
  }

  static size(v: number, o: TransactionLogKey): number {
    let s = 0;
    s += sizeOfString(o.transactionalId);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: TransactionLogKey): boolean {
    return (o.transactionalId === "");
  }
}
