/**
 * `gregor dump-log FILE...`: decodes partition files as Kafka's DumpLogSegments does:
 * segments (`.log`: batches, and records with --print-records), offset indexes
 * (`.index`), time indexes (`.timeindex`) and transaction indexes (`.txnindex`).
 *
 * Files are read in chunks, never whole. A damaged segment is decoded up to the first
 * bad batch, which is reported with its position; the exit code is then 1.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  compressionName,
  LOG_OVERHEAD,
  MAGIC_VALUE_V2,
  parseControlRecordKey,
  parseEndTransactionMarker,
  RECORD_BATCH_OVERHEAD,
  RecordBatchView,
  readRecords,
} from '@gregor/protocol';
import {
  OFFSET_INDEX_ENTRY_BYTES,
  parseSegmentFileName,
  TIME_INDEX_ENTRY_BYTES,
  TXN_INDEX_ENTRY_BYTES,
} from '@gregor/storage';
import { type Command, parseFlags } from '../command.js';
import { CommandError, ExitCode, type Io, UsageError, write } from '../io.js';

const CHUNK_BYTES = 1024 * 1024;
/** A batch larger than this is reported as damage rather than read into memory. */
const BATCH_BYTES_MAX = 256 * 1024 * 1024;

export const dumpLog: Command = {
  name: 'dump-log',
  summary: 'decode segment (.log) and index (.index, .timeindex, .txnindex) files',
  help: `Usage: gregor dump-log FILE... [--print-records] [--json]

Decodes the files of a partition directory (<log.dir>/<topic>-<partition>/):
  .log        record batches: offsets, position, size, timestamps, codec, producer,
              CRC check; with --print-records every record (key, value, headers)
  .index      offset -> position entries
  .timeindex  timestamp -> offset entries
  .txnindex   aborted transactions

      --print-records  also print each record of a .log (keys and values as UTF-8 text)
      --json           one JSON object per line
  -h, --help           this help`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      'print-records': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (positionals.length === 0) throw new UsageError('dump-log needs at least one FILE');
    const out = new Output(io, values.json === true);
    let code: number = ExitCode.OK;
    for (const file of positionals) {
      const parsed = parseSegmentFileName(basename(file));
      const suffix = parsed?.suffix ?? '';
      const baseOffset = parsed?.baseOffset ?? 0;
      if (!['.log', '.index', '.timeindex', '.txnindex'].includes(suffix)) {
        throw new UsageError(
          `${file}: not a segment or index file (<20-digit offset>.log|.index|.timeindex|.txnindex)`,
        );
      }
      await out.line({ file }, `Dumping ${file}`);
      let result: boolean;
      try {
        result =
          suffix === '.log'
            ? await dumpSegment(file, out, values['print-records'] === true)
            : await dumpIndex(file, suffix, baseOffset, out);
      } catch (error) {
        // A read that fails after open (EISDIR, EIO) is the file's problem: one sentence.
        const code = (error as NodeJS.ErrnoException).code;
        if (typeof code !== 'string' || error instanceof CommandError) throw error;
        throw new CommandError(`cannot read ${file}: ${code}`);
      }
      if (!result) code = ExitCode.FAILED;
    }
    return code;
  },
};

class Output {
  constructor(
    private readonly io: Io,
    private readonly json: boolean,
  ) {}

  line(object: Record<string, unknown>, text: string): Promise<void> {
    return write(this.io.stdout, `${this.json ? JSON.stringify(object) : text}\n`);
  }
}

async function openFile(file: string) {
  try {
    return await open(file, 'r');
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Prints every batch (and record); false when the file ends in damage. */
async function dumpSegment(file: string, out: Output, printRecords: boolean): Promise<boolean> {
  const handle = await openFile(file);
  try {
    const size = (await handle.stat()).size;
    let position = 0;
    // A window of the file read a chunk at a time: small batches cost no read each.
    let buf = Buffer.alloc(CHUNK_BYTES);
    let bufStart = 0;
    let bufLength = 0;
    /** Makes [at, at + n) readable in `buf`; its index there, or -1 when the file is shorter. */
    const load = async (at: number, n: number): Promise<number> => {
      if (at >= bufStart && at + n <= bufStart + bufLength) return at - bufStart;
      if (buf.length < n) buf = Buffer.alloc(n);
      const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, size - at), at);
      bufStart = at;
      bufLength = bytesRead;
      return bytesRead >= n ? 0 : -1;
    };
    const view = new RecordBatchView(buf, 0);
    while (position < size) {
      const headerBytes = Math.min(RECORD_BATCH_OVERHEAD, size - position);
      if (headerBytes < LOG_OVERHEAD) return damage(out, position, `${headerBytes} trailing bytes`);
      const h = await load(position, headerBytes);
      if (h < 0) return damage(out, position, 'the file shrank while being read');
      const batchLength = buf.readInt32BE(h + 8);
      const total = LOG_OVERHEAD + batchLength;
      if (batchLength < RECORD_BATCH_OVERHEAD - LOG_OVERHEAD || total > BATCH_BYTES_MAX) {
        return damage(out, position, `impossible batch length ${batchLength}`);
      }
      if (position + total > size)
        return damage(out, position, `batch of ${total} bytes cut short by the end of the file`);
      const at = await load(position, total);
      if (at < 0) return damage(out, position, 'the file shrank while being read');
      view.moveTo(buf, at);
      if (view.magic !== MAGIC_VALUE_V2) return damage(out, position, `magic ${view.magic} (only 2 is written)`);
      const crcValid = view.isCrcValid();
      await out.line(
        {
          baseOffset: view.baseOffset,
          lastOffset: view.lastOffset,
          count: view.recordCount,
          position,
          size: total,
          baseTimestamp: view.baseTimestamp,
          maxTimestamp: view.maxTimestamp,
          timestampType: view.timestampType === 0 ? 'CreateTime' : 'LogAppendTime',
          compression: compressionName(view.compression),
          producerId: view.producerId,
          producerEpoch: view.producerEpoch,
          baseSequence: view.baseSequence,
          isTransactional: view.isTransactional,
          isControl: view.isControl,
          partitionLeaderEpoch: view.partitionLeaderEpoch,
          crc: view.crc >>> 0,
          crcValid,
        },
        `baseOffset: ${view.baseOffset} lastOffset: ${view.lastOffset} count: ${view.recordCount} position: ${position} ` +
          `size: ${total} maxTimestamp: ${view.maxTimestamp} compression: ${compressionName(view.compression)} ` +
          `producerId: ${view.producerId} producerEpoch: ${view.producerEpoch} baseSequence: ${view.baseSequence} ` +
          `isTransactional: ${view.isTransactional} isControl: ${view.isControl} ` +
          `partitionLeaderEpoch: ${view.partitionLeaderEpoch} crc: ${view.crc >>> 0} isValid: ${crcValid}`,
      );
      if (!crcValid) return damage(out, position, 'CRC mismatch');
      if (printRecords) await printBatchRecords(buf.subarray(at, at + total), view.isControl, out);
      position += total;
    }
    return true;
  } finally {
    await handle.close();
  }
}

async function printBatchRecords(batch: Buffer, isControl: boolean, out: Output): Promise<void> {
  for (const r of readRecords(batch, 0, { verifyCrc: false })) {
    if (isControl) {
      const key = parseControlRecordKey(r.key);
      const marker = key.type <= 1 ? parseEndTransactionMarker(r.value) : null;
      const type = key.type === 0 ? 'ABORT' : key.type === 1 ? 'COMMIT' : `type ${key.type}`;
      await out.line(
        { offset: r.offset, timestamp: r.timestamp, control: type, coordinatorEpoch: marker?.coordinatorEpoch ?? null },
        `| offset: ${r.offset} CreateTime: ${r.timestamp} endTxnMarker: ${type}${marker === null ? '' : ` coordinatorEpoch: ${marker.coordinatorEpoch}`}`,
      );
      continue;
    }
    const key = r.key === null ? null : r.key.toString('utf8');
    const value = r.value === null ? null : r.value.toString('utf8');
    const headers = r.headers.map((h) => ({ key: h.key, value: h.value === null ? null : h.value.toString('utf8') }));
    await out.line(
      {
        offset: r.offset,
        timestamp: r.timestamp,
        keySize: r.key?.length ?? -1,
        valueSize: r.value?.length ?? -1,
        key,
        value,
        headers,
      },
      `| offset: ${r.offset} CreateTime: ${r.timestamp} keySize: ${r.key?.length ?? -1} valueSize: ${r.value?.length ?? -1} ` +
        `headerKeys: [${headers.map((h) => h.key).join(',')}] key: ${key} payload: ${value}`,
    );
  }
}

async function damage(out: Output, position: number, reason: string): Promise<false> {
  await out.line({ damaged: true, position, reason }, `Damaged at position ${position}: ${reason}`);
  return false;
}

/**
 * Prints index entries. Index files are preallocated and zero-filled: as in Kafka, the
 * entries end at the first all-zero entry after the first one.
 */
async function dumpIndex(file: string, suffix: string, baseOffset: number, out: Output): Promise<boolean> {
  const entryBytes =
    suffix === '.index'
      ? OFFSET_INDEX_ENTRY_BYTES
      : suffix === '.timeindex'
        ? TIME_INDEX_ENTRY_BYTES
        : TXN_INDEX_ENTRY_BYTES;
  const handle = await openFile(file);
  try {
    const size = (await handle.stat()).size;
    const chunk = Buffer.alloc(Math.max(entryBytes, Math.floor(CHUNK_BYTES / entryBytes) * entryBytes));
    let index = 0;
    for (let position = 0; position + entryBytes <= size; ) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, size - position), position);
      for (let at = 0; at + entryBytes <= bytesRead; at += entryBytes, index++) {
        if (index > 0 && suffix !== '.txnindex' && chunk.subarray(at, at + entryBytes).every((b) => b === 0))
          return true;
        if (suffix === '.index') {
          const offset = baseOffset + chunk.readInt32BE(at);
          const pos = chunk.readInt32BE(at + 4);
          await out.line({ offset, position: pos }, `offset: ${offset} position: ${pos}`);
        } else if (suffix === '.timeindex') {
          const timestamp = Number(chunk.readBigInt64BE(at));
          const offset = baseOffset + chunk.readInt32BE(at + 8);
          await out.line({ timestamp, offset }, `timestamp: ${timestamp} offset: ${offset}`);
        } else {
          const entry = {
            version: chunk.readInt16BE(at),
            producerId: Number(chunk.readBigInt64BE(at + 2)),
            firstOffset: Number(chunk.readBigInt64BE(at + 10)),
            lastOffset: Number(chunk.readBigInt64BE(at + 18)),
            lastStableOffset: Number(chunk.readBigInt64BE(at + 26)),
          };
          await out.line(
            entry,
            `version: ${entry.version} producerId: ${entry.producerId} firstOffset: ${entry.firstOffset} ` +
              `lastOffset: ${entry.lastOffset} lastStableOffset: ${entry.lastStableOffset}`,
          );
        }
      }
      position += bytesRead;
      if (bytesRead === 0) break;
    }
    if (size % entryBytes !== 0) {
      await out.line(
        { damaged: true, position: size - (size % entryBytes), reason: 'partial entry' },
        `Damaged: ${size % entryBytes} trailing bytes`,
      );
      return false;
    }
    return true;
  } finally {
    await handle.close();
  }
}
