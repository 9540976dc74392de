import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CompressionType } from '../compression/index.js';
import { Compression } from '../compression/index.js';
import { writeVarint, writeVarlong } from '../varint.js';
import type { RecordInput } from './builder.js';
import { buildRecordBatch } from './builder.js';
import { RecordBatchError, RecordBatchErrorCode } from './errors.js';
import {
  BASE_TIMESTAMP_OFFSET,
  CRC_OFFSET,
  LAST_OFFSET_DELTA_OFFSET,
  MAGIC_OFFSET,
  RECORD_COUNT_OFFSET,
  RECORDS_OFFSET,
  rewriteBaseOffset,
  setLogAppendTime,
  TimestampType,
  writeCrc,
  writeInt64Number,
} from './header.js';
import type { KafkaRecord } from './records.js';
import {
  batchRecordsBytes,
  checkBatchRecords,
  checkBatchRecordsAsync,
  readAllRecords,
  readRecords,
  readRecordsAsync,
} from './records.js';
import { validateRecordBatches } from './validate.js';

const { CORRUPT_MESSAGE, INVALID_RECORD, INVALID_TIMESTAMP, UNSUPPORTED_FOR_MESSAGE_FORMAT } = RecordBatchErrorCode;
const CODECS: readonly [string, CompressionType][] = [
  ['none', Compression.NONE],
  ['gzip', Compression.GZIP],
  ['snappy', Compression.SNAPPY],
  ['lz4', Compression.LZ4],
  ['zstd', Compression.ZSTD],
];

/** A small deterministic generator, so the "many records" inputs are the same every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}

function varied(count: number, seed = 1): RecordInput[] {
  const next = lcg(seed);
  const records: RecordInput[] = [];
  for (let i = 0; i < count; i++) {
    const kind = next() % 6;
    const bytes = Buffer.alloc(next() % 300);
    for (let b = 0; b < bytes.length; b++) bytes[b] = next() & 0xff;
    records.push({
      key: kind === 0 ? null : kind === 1 ? `ключ-${i}-🔑` : Buffer.from(`key-${i}`),
      value: kind === 2 ? null : kind === 3 ? Buffer.alloc(0) : bytes,
      headers:
        kind === 4
          ? [
              { key: 'trace', value: `t${i}` },
              { key: '', value: null },
              { key: 'bin', value: bytes.subarray(0, 3) },
            ]
          : [],
      // Timestamps may go backwards inside a batch: deltas are signed.
      timestamp: 1_700_000_000_000 + (next() % 10_000) - 5_000,
    });
  }
  return records;
}

function asBuffer(v: Uint8Array | string | null | undefined): Buffer | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v);
}

function assertSameRecords(actual: readonly KafkaRecord[], expected: readonly RecordInput[], baseOffset: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    assert.equal(a.offset, baseOffset + (e.offsetDelta ?? i), `offset of record ${i}`);
    assert.equal(a.timestamp, e.timestamp, `timestamp of record ${i}`);
    assert.deepEqual(a.key, asBuffer(e.key), `key of record ${i}`);
    assert.deepEqual(a.value, asBuffer(e.value), `value of record ${i}`);
    assert.deepEqual(
      a.headers.map((h) => ({ key: h.key, value: h.value })),
      (e.headers ?? []).map((h) => ({ key: h.key, value: asBuffer(h.value) })),
      `headers of record ${i}`,
    );
  }
}

function assertRecordBatchError(fn: () => unknown, code: RecordBatchErrorCode, message?: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof RecordBatchError, `expected a RecordBatchError, got ${String(error)}`);
    assert.equal(error.errorCode, code, error.message);
    if (message !== undefined) assert.match(error.message, message);
    return true;
  });
}

describe('records: round trip build → validate → iterate', () => {
  for (const [name, codec] of CODECS) {
    it(`${name}: null keys and values, empty values, headers, many records`, async () => {
      const records = varied(2_000, codec + 1);
      const batch = buildRecordBatch({ records, compression: codec, producerId: 9, producerEpoch: 1, baseSequence: 0 });
      const summary = validateRecordBatches(batch, { checkRecords: true });
      assert.equal(summary.errorCode, 0, summary.errorMessage);
      assert.equal(summary.recordCount, 2_000);
      assert.equal(summary.compression, codec);
      assert.equal(summary.maxTimestamp, Math.max(...records.map((r) => r.timestamp)));
      rewriteBaseOffset(batch, 0, 1_000_000);
      assertSameRecords(readAllRecords(batch), records, 1_000_000);
      const iterator = await readRecordsAsync(batch);
      assertSameRecords([...iterator], records, 1_000_000);
      checkBatchRecords(batch);
      await checkBatchRecordsAsync(batch);
    });

    it(`${name}: a single record with nothing in it`, () => {
      const records: RecordInput[] = [{ timestamp: -1 }];
      const batch = buildRecordBatch({ records, compression: codec });
      assert.equal(validateRecordBatches(batch, { checkRecords: true }).errorCode, 0);
      assertSameRecords(readAllRecords(batch), records, 0);
    });
  }

  it('keeps keys and values as views into the batch (no copies)', () => {
    const batch = buildRecordBatch({ records: [{ key: 'k', value: 'value', timestamp: 1 }] });
    const [record] = readAllRecords(batch);
    assert.equal(record!.value!.buffer, batch.buffer);
    assert.equal(record!.value!.byteOffset, batch.byteOffset + batch.length - 1 - 5);
  });

  it('honours offset gaps (compacted batches) and a batch inside a larger buffer', () => {
    const records: RecordInput[] = [
      { value: 'a', timestamp: 5, offsetDelta: 0 },
      { value: 'b', timestamp: 6, offsetDelta: 4 },
      { value: 'c', timestamp: 7, offsetDelta: 9 },
    ];
    const batch = buildRecordBatch({ baseOffset: 100, records });
    const next = buildRecordBatch({ baseOffset: 110, records: [{ value: 'z', timestamp: 8 }] });
    const buf = Buffer.concat([Buffer.alloc(3), batch, next]);
    assertSameRecords(readAllRecords(buf, 3), records, 100);
    assert.deepEqual(
      readAllRecords(buf, 3 + batch.length).map((r) => r.offset),
      [110],
    );
  });

  it('gives every record the append time under LogAppendTime', () => {
    const batch = buildRecordBatch({
      records: [
        { value: 'a', timestamp: 1 },
        { value: 'b', timestamp: 2 },
      ],
    });
    setLogAppendTime(batch, 0, 9_999);
    assert.deepEqual(
      readAllRecords(batch).map((r) => r.timestamp),
      [9_999, 9_999],
    );
  });

  it('reads a compressed batch as its records section decompressed', () => {
    const records = varied(50, 7);
    const plain = buildRecordBatch({ records });
    const zipped = buildRecordBatch({ records, compression: Compression.ZSTD });
    assert.deepEqual(batchRecordsBytes(zipped), plain.subarray(RECORDS_OFFSET));
    assert.equal(batchRecordsBytes(plain).buffer, plain.buffer, 'uncompressed: a view');
  });

  it('is an iterator that ends and stays ended', () => {
    const iterator = readRecords(buildRecordBatch({ records: [{ value: 'a', timestamp: 1 }] }));
    assert.equal(iterator.recordCount, 1);
    assert.equal(iterator.next().done, false);
    assert.equal(iterator.next().done, true);
    assert.equal(iterator.next().done, true);
  });
});

/** A batch whose records section is `records` (lengths, count and CRC fixed). */
function withRecords(records: Buffer, count: number, lastOffsetDelta = count - 1, baseTimestamp = 1_000): Buffer {
  const head = Buffer.from(buildRecordBatch({ records: [{ timestamp: 0 }] }).subarray(0, RECORDS_OFFSET));
  const batch = Buffer.concat([head, records]);
  batch.writeInt32BE(batch.length - 12, 8);
  batch.writeInt32BE(count, RECORD_COUNT_OFFSET);
  batch.writeInt32BE(lastOffsetDelta, LAST_OFFSET_DELTA_OFFSET);
  writeInt64Number(batch, BASE_TIMESTAMP_OFFSET, baseTimestamp);
  writeCrc(batch, 0);
  return batch;
}

interface RawRecord {
  timestampDelta?: number;
  rawTimestampDelta?: Buffer; // replaces the timestampDelta varlong
  offsetDelta?: number;
  key?: number | Buffer; // a number is a raw length (e.g. -2) with no bytes
  value?: number | Buffer;
  headerCount?: number;
  headers?: Buffer; // raw header bytes
  lengthFix?: number;
  rawLength?: Buffer; // replaces the length varint
}

/** Encodes one record field by field, so that tests can break any one of them. */
function rawRecord(r: RawRecord): Buffer {
  const body = Buffer.alloc(1024);
  let pos = 0;
  body[pos++] = 0;
  if (r.rawTimestampDelta === undefined) pos = writeVarlong(body, pos, r.timestampDelta ?? 0);
  else pos += r.rawTimestampDelta.copy(body, pos);
  pos = writeVarint(body, pos, r.offsetDelta ?? 0);
  for (const field of [r.key ?? -1, r.value ?? Buffer.from('v')]) {
    if (typeof field === 'number') pos = writeVarint(body, pos, field);
    else {
      pos = writeVarint(body, pos, field.length);
      pos += field.copy(body, pos);
    }
  }
  pos = writeVarint(body, pos, r.headerCount ?? 0);
  if (r.headers !== undefined) pos += r.headers.copy(body, pos);
  const length = Buffer.alloc(5);
  const lengthSize = writeVarint(length, 0, pos + (r.lengthFix ?? 0));
  return Buffer.concat([r.rawLength ?? length.subarray(0, lengthSize), body.subarray(0, pos)]);
}

function header(key: number | string, value: number | string): Buffer {
  const buf = Buffer.alloc(64);
  let pos = 0;
  for (const field of [key, value]) {
    if (typeof field === 'number') pos = writeVarint(buf, pos, field);
    else {
      pos = writeVarint(buf, pos, Buffer.byteLength(field));
      pos += buf.write(field, pos);
    }
  }
  return buf.subarray(0, pos);
}

describe('records: every malformed record is a RecordBatchError', () => {
  it('accepts the hand-made record the other tests break', () => {
    const batch = withRecords(rawRecord({ key: Buffer.from('k'), headerCount: 1, headers: header('h', 'x') }), 1);
    const [record] = readAllRecords(batch);
    assert.deepEqual(record!.key, Buffer.from('k'));
    assert.deepEqual(record!.headers, [{ key: 'h', value: Buffer.from('x') }]);
  });

  const cases: [string, Buffer, number, RecordBatchErrorCode, RegExp][] = [
    [
      'length shorter than the fields',
      rawRecord({ lengthFix: -1 }),
      1,
      CORRUPT_MESSAGE,
      /fields take|does not fit the record/,
    ],
    [
      'length longer than the fields',
      Buffer.concat([rawRecord({ lengthFix: 1 }), Buffer.from([0])]),
      1,
      CORRUPT_MESSAGE,
      /fields take|overruns|does not fit/,
    ],
    ['length beyond the bytes', rawRecord({ lengthFix: 100 }), 1, CORRUPT_MESSAGE, /does not fit the/],
    ['negative length', rawRecord({ rawLength: Buffer.from([0x01]) }), 1, CORRUPT_MESSAGE, /length -1/],
    [
      'length varint longer than 5 bytes',
      rawRecord({ rawLength: Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]) }),
      1,
      CORRUPT_MESSAGE,
      /varint/,
    ],
    ['key length below -1', rawRecord({ key: -2 }), 1, CORRUPT_MESSAGE, /key length -2/],
    ['key overruns the record', rawRecord({ key: 50 }), 1, CORRUPT_MESSAGE, /key length 50/],
    ['value length below -1', rawRecord({ value: -7 }), 1, CORRUPT_MESSAGE, /value length -7/],
    ['value overruns the record', rawRecord({ value: 9 }), 1, CORRUPT_MESSAGE, /value length 9/],
    ['negative header count', rawRecord({ headerCount: -1 }), 1, CORRUPT_MESSAGE, /header count -1/],
    ['header count beyond the bytes', rawRecord({ headerCount: 1_000_000 }), 1, CORRUPT_MESSAGE, /header count/],
    [
      'null header key',
      rawRecord({ headerCount: 1, headers: header(-1, 'x') }),
      1,
      CORRUPT_MESSAGE,
      /header 0 key length -1/,
    ],
    [
      'header key overruns',
      rawRecord({ headerCount: 1, headers: header(40, 'x') }),
      1,
      CORRUPT_MESSAGE,
      /header 0 key length 40/,
    ],
    [
      'header value below -1',
      rawRecord({ headerCount: 1, headers: header('h', -3) }),
      1,
      CORRUPT_MESSAGE,
      /header 0 value length -3/,
    ],
    [
      'fewer headers than counted',
      rawRecord({ headerCount: 2, headers: header('h', 'x') }),
      1,
      CORRUPT_MESSAGE,
      /header count 2|header 1/,
    ],
    [
      'timestampDelta varlong beyond 2^53',
      rawRecord({ rawTimestampDelta: Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]) }),
      1,
      CORRUPT_MESSAGE,
      /varlong outside/,
    ],
    [
      'timestampDelta varlong longer than 10 bytes',
      rawRecord({ rawTimestampDelta: Buffer.from([0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0]) }),
      1,
      CORRUPT_MESSAGE,
      /varlong longer/,
    ],
    [
      'fewer records than declared',
      Buffer.concat([rawRecord({ offsetDelta: 0, value: Buffer.alloc(30) })]),
      2,
      INVALID_RECORD,
      /declares 2 records but its bytes end after 1/,
    ],
    [
      'bytes after the last record',
      Buffer.concat([rawRecord({}), Buffer.from([1, 2, 3, 4, 5, 6, 7])]),
      1,
      INVALID_RECORD,
      /7 bytes follow the last of 1 records/,
    ],
    [
      'offset deltas out of order',
      Buffer.concat([rawRecord({ offsetDelta: 1 }), rawRecord({ offsetDelta: 1 })]),
      2,
      INVALID_RECORD,
      /offsetDelta 1 is not after 1/,
    ],
    ['negative offset delta', rawRecord({ offsetDelta: -1 }), 1, INVALID_RECORD, /offsetDelta -1 is not after -1/],
  ];
  for (const [name, records, count, code, message] of cases) {
    it(name, () => {
      const batch = withRecords(records, count, Math.max(count - 1, 1));
      assertRecordBatchError(() => readAllRecords(batch), code, message);
      // The allocation-free walk (validate.ts, checkBatchRecords) agrees.
      assertRecordBatchError(() => checkBatchRecords(batch), code);
      assert.equal(validateRecordBatches(batch, { fromClient: false, checkRecords: true }).errorCode, code);
    });
  }

  it('a timestampDelta of 8 to 10 bytes is read exactly', () => {
    for (const delta of [2 ** 50 + 1, -(2 ** 52) - 3, 2 ** 53 - 1001]) {
      const batch = withRecords(rawRecord({ timestampDelta: delta }), 1, 0);
      assert.equal(readAllRecords(batch)[0]!.timestamp, 1_000 + delta);
      checkBatchRecords(batch);
      assert.equal(validateRecordBatches(batch, { fromClient: false, checkRecords: true }).errorCode, 0);
    }
  });

  it('a record that ends inside its timestampDelta, short or long', () => {
    for (const continuation of [5, 9]) {
      const record = Buffer.alloc(2 + continuation, 0x80);
      record[0] = (1 + continuation) * 2; // length: attributes + the varlong bytes
      record[1] = 0;
      const batch = withRecords(Buffer.concat([record, Buffer.alloc(7)]), 1, 0);
      assertRecordBatchError(() => readAllRecords(batch), CORRUPT_MESSAGE);
      assertRecordBatchError(() => checkBatchRecords(batch), CORRUPT_MESSAGE);
    }
  });

  it('offset delta beyond lastOffsetDelta', () => {
    const batch = withRecords(rawRecord({ offsetDelta: 3 }), 1, 2);
    assertRecordBatchError(() => readAllRecords(batch), INVALID_RECORD, /within lastOffsetDelta 2/);
    assertRecordBatchError(() => checkBatchRecords(batch), INVALID_RECORD);
  });

  it('timestamp beyond 2^53 once the delta is added', () => {
    const batch = withRecords(rawRecord({ timestampDelta: 10 }), 1, 0, Number.MAX_SAFE_INTEGER - 5);
    assertRecordBatchError(() => readAllRecords(batch), INVALID_TIMESTAMP, /timestamp beyond/);
    assertRecordBatchError(() => checkBatchRecords(batch), INVALID_TIMESTAMP);
    // Under LogAppendTime the record timestamps are not used, so they do not matter.
    setLogAppendTime(batch, 0, 5);
    assert.equal(readAllRecords(batch)[0]!.timestamp, 5);
    checkBatchRecords(batch);
  });

  it('record count 0 with record bytes present', () => {
    const batch = withRecords(rawRecord({}), 0, 0);
    assertRecordBatchError(() => readAllRecords(batch), INVALID_RECORD, /bytes follow the last of 0 records/);
  });

  it('stops after the first error', () => {
    const batch = withRecords(
      Buffer.concat([rawRecord({ offsetDelta: 0 }), rawRecord({ key: -5, offsetDelta: 1 })]),
      2,
    );
    const iterator = readRecords(batch);
    assert.equal(iterator.next().done, false);
    assert.throws(() => iterator.next(), RecordBatchError);
    assert.equal(iterator.next().done, true);
  });
});

describe('records: a bad batch header is a RecordBatchError', () => {
  const good = buildRecordBatch({ records: varied(5) });

  it('bad CRC, unless the CRC check is off', () => {
    const batch = Buffer.from(good);
    batch[CRC_OFFSET]! ^= 1;
    assertRecordBatchError(() => readRecords(batch), CORRUPT_MESSAGE, /CRC mismatch/);
    assert.equal(readAllRecords(batch, 0, { verifyCrc: false }).length, 5);
  });

  it('legacy magic', () => {
    const batch = Buffer.from(good);
    batch[MAGIC_OFFSET] = 1;
    assertRecordBatchError(() => readRecords(batch), UNSUPPORTED_FOR_MESSAGE_FORMAT, /magic 1/);
  });

  it('no batch at all', () => {
    assertRecordBatchError(() => readRecords(Buffer.alloc(0)), CORRUPT_MESSAGE, /no record batch/);
    assertRecordBatchError(() => readRecords(good, good.length + 10), CORRUPT_MESSAGE, /no record batch/);
  });

  it('truncation at every byte position', () => {
    for (let cut = 0; cut < good.length; cut++) {
      assertRecordBatchError(() => readAllRecords(good.subarray(0, cut)), CORRUPT_MESSAGE);
    }
  });

  it('truncation at every byte position, with the header patched to match the cut', () => {
    // Reaches the record decoder: the header (and CRC) say the batch is that short.
    for (let cut = RECORDS_OFFSET; cut < good.length; cut++) {
      const batch = Buffer.from(good.subarray(0, cut));
      batch.writeInt32BE(cut - 12, 8);
      writeCrc(batch, 0);
      assert.throws(
        () => readAllRecords(batch),
        (error: unknown) => error instanceof RecordBatchError,
        `cut ${cut}`,
      );
    }
  });

  it('a programming error (negative batchOffset) is a RangeError', () => {
    assert.throws(() => readRecords(good, -1), RangeError);
  });
});

describe('records: compressed payloads that do not decompress', () => {
  for (const [name, codec] of CODECS.slice(1)) {
    it(`${name}: garbage with a valid CRC is CORRUPT_MESSAGE`, async () => {
      const batch = buildRecordBatch({ records: varied(20), compression: codec });
      const garbage = Buffer.concat([batch.subarray(0, RECORDS_OFFSET), Buffer.from('not compressed at all, sorry')]);
      garbage.writeInt32BE(garbage.length - 12, 8);
      writeCrc(garbage, 0);
      assert.equal(validateRecordBatches(garbage).errorCode, 0, 'the header is fine');
      assertRecordBatchError(() => readRecords(garbage), CORRUPT_MESSAGE, /do not decompress/);
      await assert.rejects(readRecordsAsync(garbage), RecordBatchError);
      await assert.rejects(checkBatchRecordsAsync(garbage), RecordBatchError);
    });

    it(`${name}: more than decompressedBytesMax is CORRUPT_MESSAGE`, () => {
      const batch = buildRecordBatch({ records: [{ value: Buffer.alloc(100_000), timestamp: 1 }], compression: codec });
      assertRecordBatchError(
        () => readRecords(batch, 0, { decompressedBytesMax: 10_000 }),
        CORRUPT_MESSAGE,
        /do not decompress/,
      );
      assert.equal(readAllRecords(batch, 0, { decompressedBytesMax: 200_000 }).length, 1);
    });
  }
});

describe('records: fuzz (seeded)', () => {
  const mutation = fc.record({
    kind: fc.constantFrom('flip', 'set', 'cut', 'insert', 'delete', 'varint'),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  });

  /**
   * Mutates a copy of `batch`, then fixes batchLength and CRC so that the damage reaches
   * the record decoder instead of stopping at the CRC check.
   */
  function mutate(
    batch: Buffer,
    mutations: readonly { kind: string; at: number; byte: number }[],
    fix: boolean,
  ): Buffer {
    let b = Buffer.from(batch);
    for (const m of mutations) {
      const at = m.at % (b.length + 1);
      if (m.kind === 'flip' && at < b.length) b[at]! ^= 1 << (m.byte % 8);
      else if (m.kind === 'set' && at < b.length) b[at] = m.byte;
      else if (m.kind === 'cut') b = b.subarray(0, at);
      else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from([m.byte]), b.subarray(at)]);
      else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1)]);
      else if (m.kind === 'varint' && at < b.length) b[at] = m.byte | 0x80; // make a varint run on
    }
    if (fix && b.length >= RECORDS_OFFSET) {
      b.writeInt32BE(b.length - 12, 8);
      writeCrc(b, 0);
    }
    return b;
  }

  for (const [name, codec] of CODECS) {
    it(`${name}: only RecordBatchError, and the walk agrees with the iterator`, () => {
      // Small fields, so that most mutations land on lengths, counts and deltas.
      const batch = buildRecordBatch({
        records: [
          { key: 'k', value: 'v', timestamp: 10, headers: [{ key: 'h', value: 'x' }] },
          { key: null, value: null, timestamp: 8 },
          { key: '', value: '', timestamp: 1_000_000, headers: [{ key: '', value: null }] },
          { key: 'kk', value: 'vv', timestamp: 12 },
        ],
        compression: codec,
      });
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (mutations, fix) => {
          const b = mutate(batch, mutations, fix);
          let iteratorCode: number = 0;
          try {
            readAllRecords(b, 0, { decompressedBytesMax: 1_000_000 });
          } catch (error) {
            if (!(error instanceof RecordBatchError)) throw error;
            iteratorCode = error.errorCode;
          }
          let walkCode: number = 0;
          try {
            checkBatchRecords(b, 0, { decompressedBytesMax: 1_000_000 });
          } catch (error) {
            if (!(error instanceof RecordBatchError)) throw error;
            walkCode = error.errorCode;
          }
          assert.equal(walkCode, iteratorCode);
          // validate.ts sees the whole blob and walks only uncompressed records: compare
          // where the blob is exactly one batch that still says "uncompressed".
          if (codec === Compression.NONE && fix && b.length >= RECORDS_OFFSET && (b[22]! & 7) === 0) {
            const summary = validateRecordBatches(b, { fromClient: false, checkRecords: true });
            assert.equal(summary.errorCode, iteratorCode, summary.errorMessage);
          }
        }),
        { seed: 0x1234 + codec, numRuns: codec === Compression.NONE ? 5_000 : 1_500 },
      );
    });
  }

  it('random bytes after a valid header never throw anything else', () => {
    const head = buildRecordBatch({ records: [{ timestamp: 0 }] }).subarray(0, RECORDS_OFFSET);
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(0, 1, 2, 3, 4),
        (body, count, codec) => {
          const b = Buffer.concat([head, body]);
          b.writeInt32BE(b.length - 12, 8);
          b.writeInt32BE(count, RECORD_COUNT_OFFSET);
          b.writeInt32BE(Math.max(count - 1, 0), LAST_OFFSET_DELTA_OFFSET);
          b.writeInt16BE(codec, 21);
          writeCrc(b, 0);
          try {
            readAllRecords(b);
          } catch (error) {
            if (!(error instanceof RecordBatchError)) throw error;
          }
        },
      ),
      { seed: 42, numRuns: 3_000 },
    );
  });
});

describe('records: TimestampType import is the header one', () => {
  it('matches the attribute bit', () => {
    assert.equal(TimestampType.LOG_APPEND_TIME, 1);
  });
});
