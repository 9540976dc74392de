/**
 * The transaction index of one segment (`<base offset>.txnindex`), as Kafka lays it
 * out: one 34-byte entry per aborted transaction whose abort marker is in this segment:
 * version int16 (0), producerId int64, firstOffset int64, lastOffset int64 (the
 * marker's offset), lastStableOffset int64. A read_committed fetch asks for the aborted
 * transactions overlapping the range it returns, so the consumer can drop their records.
 *
 * Entries are appended by the transaction machinery through the log (the hook), kept in
 * memory, and written whole when the segment is persisted.
 */
export const TXN_INDEX_ENTRY_BYTES = 34;

export interface AbortedTxn {
  producerId: number;
  firstOffset: number;
  lastOffset: number;
  lastStableOffset: number;
}

export class TxnIndex {
  private readonly list: AbortedTxn[] = [];

  get entries(): readonly AbortedTxn[] {
    return this.list;
  }

  append(txn: AbortedTxn): void {
    const last = this.list[this.list.length - 1];
    if (last !== undefined && txn.lastOffset <= last.lastOffset) {
      throw new Error(
        `aborted transactions must be appended in offset order: ${txn.lastOffset} after ${last.lastOffset}`,
      );
    }
    this.list.push(txn);
  }

  /** Aborted transactions that overlap [fetchOffset, upperBoundOffset). */
  collect(fetchOffset: number, upperBoundOffset: number, out: AbortedTxn[]): void {
    for (const t of this.list) {
      if (t.lastOffset >= fetchOffset && t.firstOffset < upperBoundOffset) out.push(t);
    }
  }

  truncateTo(offset: number): void {
    while (this.list.length > 0 && (this.list[this.list.length - 1] as AbortedTxn).lastOffset >= offset)
      this.list.pop();
  }

  toBuffer(): Buffer {
    const buf = Buffer.alloc(this.list.length * TXN_INDEX_ENTRY_BYTES);
    let at = 0;
    for (const t of this.list) {
      buf.writeInt16BE(0, at);
      buf.writeBigInt64BE(BigInt(t.producerId), at + 2);
      buf.writeBigInt64BE(BigInt(t.firstOffset), at + 10);
      buf.writeBigInt64BE(BigInt(t.lastOffset), at + 18);
      buf.writeBigInt64BE(BigInt(t.lastStableOffset), at + 26);
      at += TXN_INDEX_ENTRY_BYTES;
    }
    return buf;
  }

  static fromBuffer(data: Buffer): TxnIndex | null {
    if (data.length % TXN_INDEX_ENTRY_BYTES !== 0) return null;
    const index = new TxnIndex();
    for (let at = 0; at < data.length; at += TXN_INDEX_ENTRY_BYTES) {
      if (data.readInt16BE(at) !== 0) return null;
      const txn = {
        producerId: Number(data.readBigInt64BE(at + 2)),
        firstOffset: Number(data.readBigInt64BE(at + 10)),
        lastOffset: Number(data.readBigInt64BE(at + 18)),
        lastStableOffset: Number(data.readBigInt64BE(at + 26)),
      };
      if (txn.firstOffset > txn.lastOffset) return null;
      const last = index.list[index.list.length - 1];
      if (last !== undefined && txn.lastOffset <= last.lastOffset) return null;
      index.list.push(txn);
    }
    return index;
  }
}
