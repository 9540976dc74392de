/**
 * The broker's produce path without I/O: decode a 1 MiB Produce request and validate
 * every batch in it (header checks and CRC-32C), compared with computing CRC-32C over
 * the same bytes alone, in the same run. The ratio says how much of the physical
 * limit (checksumming the bytes) the decode and validation keep.
 */
import { crc32c } from '../crc32c.js';
import { decodeRequest, encodeRequest } from '../frames.js';
import { API_TABLE, ApiKey } from '../generated/api-table.js';
import { PartitionProduceData, ProduceRequest, TopicProduceData } from '../generated/messages/produce-request.js';
import { RequestHeader } from '../generated/messages/request-header.js';
import { buildRecordBatch } from '../record-batch/builder.js';
import { validateRecordBatches } from '../record-batch/validate.js';
import type { Measurement } from './measure.js';
import { measure } from './measure.js';

/**
 * A produce request of about `totalBytes`: one batch of `batchBytes` per partition, as
 * Kafka requires (one batch per partition in a produce request).
 */
export function makeProduceFrame(totalBytes: number, batchBytes: number, recordBytes: number): Buffer {
  const recordsPerBatch = Math.max(1, Math.floor(batchBytes / (recordBytes + 12)));
  const records = [];
  for (let i = 0; i < recordsPerBatch; i++) {
    records.push({
      key: `user-${i % 97}`,
      value: Buffer.alloc(recordBytes, 97 + (i % 26)),
      timestamp: 1_700_000_000_000 + i,
    });
  }
  const batch = buildRecordBatch({ records, producerId: 1000, producerEpoch: 0, baseSequence: 0 });
  const partitions = Math.max(1, Math.round(totalBytes / batch.length));
  const request = new ProduceRequest();
  request.acks = -1;
  request.timeoutMs = 30000;
  const topic = new TopicProduceData();
  topic.name = 'events';
  for (let p = 0; p < partitions; p++) {
    const pd = new PartitionProduceData();
    pd.index = p;
    pd.records = Buffer.from(batch);
    topic.partitionData.push(pd);
  }
  request.topicData.push(topic);
  const header = new RequestHeader();
  header.requestApiKey = ApiKey.Produce;
  header.requestApiVersion = 9;
  header.correlationId = 1;
  header.clientId = 'bench';
  const api = API_TABLE[ApiKey.Produce];
  if (api === undefined) throw new Error('no Produce API');
  return encodeRequest(api, 9, header, request).subarray(4);
}

/** Decodes the frame and validates every partition's batches; returns records seen. */
export function decodeAndValidate(frame: Buffer): number {
  const decoded = decodeRequest(frame);
  if (!decoded.ok) throw new Error(decoded.message);
  const body = decoded.body as ProduceRequest;
  let records = 0;
  for (let t = 0; t < body.topicData.length; t++) {
    const topic = body.topicData[t] as TopicProduceData;
    for (let p = 0; p < topic.partitionData.length; p++) {
      const data = (topic.partitionData[p] as PartitionProduceData).records;
      if (data === null) continue;
      const summary = validateRecordBatches(data);
      if (summary.errorCode !== 0) throw new Error(summary.errorMessage);
      records += summary.recordCount;
    }
  }
  return records;
}

export function benchProduceValidation(): { rows: Measurement[]; ratios: { name: string; ratio: number }[] } {
  const rows: Measurement[] = [];
  const ratios: { name: string; ratio: number }[] = [];
  const shapes = [
    { name: '1 partition, one 1 MiB batch of 100 B records', batchBytes: 1024 * 1024, recordBytes: 100 },
    { name: '64 partitions, 16 KiB batches of 1 KiB records', batchBytes: 16 * 1024, recordBytes: 1024 },
    { name: '1,000 partitions, 1 KiB batches of 100 B records', batchBytes: 1024, recordBytes: 100 },
  ];
  for (const shape of shapes) {
    const frame = makeProduceFrame(1024 * 1024, shape.batchBytes, shape.recordBytes);
    const crc = measure(`CRC-32C over the same ${frame.length} bytes`, () => crc32c(frame), { bytes: frame.length });
    const validate = measure(`decode + validate 1 MiB Produce (${shape.name})`, () => decodeAndValidate(frame), {
      bytes: frame.length,
    });
    rows.push(crc, validate);
    ratios.push({ name: shape.name, ratio: (validate.bytesPerSec ?? 0) / (crc.bytesPerSec ?? 1) });
  }
  return { rows, ratios };
}
