/**
 * The metadata snapshot format, as Kafka writes `__cluster_metadata` snapshots: a
 * SnapshotHeader control record, record batches holding the metadata records that
 * rebuild the image (imageToRecords), and a SnapshotFooter control record. A snapshot
 * without its footer is incomplete and refused.
 */
import type { KafkaRecord } from '@gregor/protocol';
import {
  buildRecordBatch,
  Compression,
  ControlRecordType,
  RecordBatchView,
  readAllRecords,
  TimestampType,
  Writer,
} from '@gregor/protocol';
import { SnapshotFooterRecord } from '@gregor/protocol/generated/messages/snapshot-footer-record';
import { SnapshotHeaderRecord } from '@gregor/protocol/generated/messages/snapshot-header-record';
import type { MetadataImage } from './image.js';
import { imageToRecords } from './image-records.js';
import type { MetadataRecord } from './record-serde.js';
import { decodeMetadataRecord, encodeMetadataRecord } from './record-serde.js';

/** Records per batch in a snapshot (Kafka's snapshot writer batches the same way). */
const SNAPSHOT_RECORDS_PER_BATCH = 1000;

function controlKey(type: number): Buffer {
  const key = Buffer.alloc(4);
  key.writeInt16BE(0, 0);
  key.writeInt16BE(type, 2);
  return key;
}

function controlBatch(type: number, value: Buffer, timestamp: number): Buffer {
  return buildRecordBatch({
    records: [{ key: controlKey(type), value, timestamp }],
    compression: Compression.NONE,
    control: true,
    timestampType: TimestampType.CREATE_TIME,
  });
}

/** The snapshot of `image`: header, the records that rebuild it, footer. */
export function encodeSnapshot(image: MetadataImage, now: number): Buffer {
  const header = new SnapshotHeaderRecord();
  header.lastContainedLogTimestamp = BigInt(now);
  const headerValue = Writer.alloc(SnapshotHeaderRecord.size(0, header));
  SnapshotHeaderRecord.write(headerValue, 0, header);
  const footer = new SnapshotFooterRecord();
  const footerValue = Writer.alloc(SnapshotFooterRecord.size(0, footer));
  SnapshotFooterRecord.write(footerValue, 0, footer);
  const parts: Buffer[] = [controlBatch(ControlRecordType.SNAPSHOT_HEADER, headerValue.finish(), now)];
  const records = imageToRecords(image);
  for (let i = 0; i < records.length; i += SNAPSHOT_RECORDS_PER_BATCH) {
    const slice = records.slice(i, i + SNAPSHOT_RECORDS_PER_BATCH);
    parts.push(
      buildRecordBatch({
        baseOffset: i,
        records: slice.map((r) => ({ key: null, value: encodeMetadataRecord(r), timestamp: now })),
      }),
    );
  }
  parts.push(controlBatch(ControlRecordType.SNAPSHOT_FOOTER, footerValue.finish(), now));
  return Buffer.concat(parts);
}

/** The metadata records of a snapshot, checking its framing (header first, footer last). */
export function decodeSnapshot(data: Buffer): MetadataRecord[] {
  const records: MetadataRecord[] = [];
  const view = new RecordBatchView(Buffer.alloc(0));
  let sawHeader = false;
  let sawFooter = false;
  for (let at = 0; at < data.length; ) {
    if (data.length - at < 61) throw new Error(`metadata snapshot: truncated batch at byte ${at}`);
    view.moveTo(data, at);
    const size = view.sizeInBytes;
    if (size <= 0 || at + size > data.length) throw new Error(`metadata snapshot: truncated batch at byte ${at}`);
    const batch = data.subarray(at, at + size);
    if (sawFooter) throw new Error('metadata snapshot: data after the footer');
    // A flipped bit inside a record would otherwise decode into a wrong image.
    if (!view.isCrcValid()) throw new Error(`metadata snapshot: batch at byte ${at} fails its CRC check (corrupt)`);
    if (view.isControl) {
      const [control] = readAllRecords(batch, 0);
      const type = control?.key?.readInt16BE(2);
      if (type === ControlRecordType.SNAPSHOT_HEADER) sawHeader = true;
      else if (type === ControlRecordType.SNAPSHOT_FOOTER) sawFooter = true;
    } else {
      if (!sawHeader) throw new Error('metadata snapshot: records before the header');
      for (const r of readAllRecords(batch, 0) as KafkaRecord[]) {
        if (r.value === null) throw new Error(`metadata snapshot: record ${r.offset} has no value`);
        records.push(decodeMetadataRecord(r.value));
      }
    }
    at += size;
  }
  if (!sawHeader || !sawFooter) throw new Error('metadata snapshot: no header or footer (incomplete snapshot)');
  return records;
}
