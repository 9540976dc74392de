import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRecordBatch } from './builder.js';
import {
  buildControlBatch,
  ControlRecordType,
  parseControlRecordKey,
  parseEndTransactionMarker,
  readControlBatch,
} from './control.js';
import { RecordBatchError, RecordBatchErrorCode, recordBatchErrorName } from './errors.js';
import { RecordBatchView, rewriteBaseOffset } from './header.js';
import { validateRecordBatches } from './validate.js';

/**
 * Golden commit marker, built by hand after Kafka's `MemoryRecords.withEndTransactionMarker`
 * (CRC checked against KafkaJS's CRC-32C in builder.test.ts's golden; here against ours):
 * ```
 * 0000000000000000  baseOffset 0
 * 00000042          batchLength 66 (78-byte batch)
 * ffffffff          partitionLeaderEpoch -1
 * 02                magic 2
 * 8630596e          crc
 * 0030              attributes: transactional (0x10) | control (0x20)
 * 00000000          lastOffsetDelta 0
 * 0000018bcfe56800  baseTimestamp 1700000000000
 * 0000018bcfe56800  maxTimestamp 1700000000000
 * 0000000000001092  producerId 4242
 * 0003              producerEpoch 3
 * ffffffff          baseSequence -1: markers carry no sequence
 * 00000001          recordCount 1
 * record:
 *   20              length 16
 *   00 00 00        attributes, timestampDelta 0, offsetDelta 0
 *   08 0000 0001    key, 4 bytes: version 0, type 1 (COMMIT)
 *   0c 0000 00000005  value, 6 bytes: EndTransactionMarker version 0, coordinatorEpoch 5
 *   00              no headers
 * ```
 */
const GOLDEN_COMMIT_HEX =
  '0000000000000000' +
  '00000042' +
  'ffffffff' +
  '02' +
  '8630596e' +
  '0030' +
  '00000000' +
  '0000018bcfe56800' +
  '0000018bcfe56800' +
  '0000000000001092' +
  '0003' +
  'ffffffff' +
  '00000001' +
  '20' +
  '000000' +
  '0800000001' +
  '0c000000000005' +
  '00';

function assertInvalid(fn: () => unknown, message: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof RecordBatchError);
    assert.equal(error.errorCode, RecordBatchErrorCode.INVALID_RECORD);
    assert.match(error.message, message);
    return true;
  });
}

describe('control batches: transaction markers', () => {
  it('writes the golden commit marker', () => {
    const batch = buildControlBatch({
      producerId: 4242,
      producerEpoch: 3,
      type: ControlRecordType.COMMIT,
      coordinatorEpoch: 5,
      timestamp: 1_700_000_000_000,
    });
    assert.equal(batch.toString('hex'), GOLDEN_COMMIT_HEX);
    assert.equal(new RecordBatchView(batch).isCrcValid(), true);
  });

  for (const type of [ControlRecordType.ABORT, ControlRecordType.COMMIT]) {
    it(`round-trips ${type === ControlRecordType.ABORT ? 'ABORT' : 'COMMIT'}`, () => {
      const batch = buildControlBatch({
        baseOffset: 0,
        partitionLeaderEpoch: 8,
        producerId: 99,
        producerEpoch: 7,
        type,
        coordinatorEpoch: 123,
        timestamp: 5_000,
      });
      rewriteBaseOffset(batch, 0, 1_000);
      const view = new RecordBatchView(batch);
      assert.equal(view.isControl, true);
      assert.equal(view.isTransactional, true);
      assert.equal(view.baseSequence, -1);
      assert.equal(view.partitionLeaderEpoch, 8);
      const summary = validateRecordBatches(batch, { fromClient: false, checkRecords: true });
      assert.equal(summary.errorCode, RecordBatchErrorCode.NONE, summary.errorMessage);
      assert.equal(summary.hasControl, true);
      assert.deepEqual(readControlBatch(batch), [
        {
          offset: 1_000,
          timestamp: 5_000,
          version: 0,
          type,
          value: Buffer.from([0, 0, 0, 0, 0, 123]),
          endTransactionMarker: { version: 0, coordinatorEpoch: 123 },
        },
      ]);
    });
  }

  it('is refused from a client', () => {
    const batch = Buffer.from(GOLDEN_COMMIT_HEX, 'hex');
    assert.equal(validateRecordBatches(batch).errorCode, RecordBatchErrorCode.INVALID_RECORD);
  });

  it('refuses bad arguments', () => {
    const base = { producerId: 1, producerEpoch: 0, coordinatorEpoch: 0, timestamp: 0 };
    assert.throws(() => buildControlBatch({ ...base, type: 2 as 0 }), RangeError);
    assert.throws(() => buildControlBatch({ ...base, producerId: -1, type: 0 }), RangeError);
    assert.throws(() => buildControlBatch({ ...base, coordinatorEpoch: 2 ** 31, type: 0 }), RangeError);
  });
});

describe('control batches: other control records', () => {
  it('returns KRaft control records with their raw value', () => {
    const key = Buffer.from([0, 0, 0, ControlRecordType.LEADER_CHANGE]);
    const batch = buildRecordBatch({ control: true, records: [{ key, value: 'leader-change', timestamp: 9 }] });
    const [record] = readControlBatch(batch);
    assert.equal(record!.type, ControlRecordType.LEADER_CHANGE);
    assert.deepEqual(record!.value, Buffer.from('leader-change'));
    assert.equal(record!.endTransactionMarker, null);
  });

  it('reads newer key and marker versions as version 0, as Kafka does', () => {
    assert.deepEqual(parseControlRecordKey(Buffer.from([0, 3, 0, 1, 0xff])), { version: 3, type: 1 });
    assert.deepEqual(parseEndTransactionMarker(Buffer.from([0, 1, 0, 0, 0, 9, 0xff, 0xff])), {
      version: 1,
      coordinatorEpoch: 9,
    });
  });

  it('returns unknown types as read', () => {
    assert.deepEqual(parseControlRecordKey(Buffer.from([0, 0, 0x7f, 0xff])), { version: 0, type: 0x7fff });
  });
});

describe('control batches: errors', () => {
  it('a key that is missing, short or of negative version', () => {
    assertInvalid(() => parseControlRecordKey(null), /key has no bytes/);
    assertInvalid(() => parseControlRecordKey(Buffer.from([0, 0, 1])), /key has 3 bytes, needs 4/);
    assertInvalid(() => parseControlRecordKey(Buffer.from([0xff, 0xff, 0, 1])), /key version -1/);
  });

  it('a marker value that is missing, short or of negative version', () => {
    assertInvalid(() => parseEndTransactionMarker(null), /marker has no bytes/);
    assertInvalid(() => parseEndTransactionMarker(Buffer.from([0, 0, 0, 0, 1])), /marker has 5 bytes, needs 6/);
    assertInvalid(() => parseEndTransactionMarker(Buffer.from([0x80, 0, 0, 0, 0, 1])), /marker version -32768/);
  });

  it('a batch that is not a control batch', () => {
    const batch = buildRecordBatch({ records: [{ key: Buffer.from([0, 0, 0, 1]), value: 'x', timestamp: 1 }] });
    assertInvalid(() => readControlBatch(batch), /is not a control batch/);
  });

  it('a transaction marker outside a transactional batch', () => {
    const batch = buildRecordBatch({
      control: true,
      records: [{ key: Buffer.from([0, 0, 0, 1]), value: Buffer.from([0, 0, 0, 0, 0, 1]), timestamp: 1 }],
    });
    assertInvalid(() => readControlBatch(batch), /not transactional/);
  });

  it('a marker with a bad key or value inside a good batch', () => {
    const badKey = buildRecordBatch({
      control: true,
      transactional: true,
      records: [{ key: Buffer.from([0, 0]), value: Buffer.from([0, 0, 0, 0, 0, 1]), timestamp: 1 }],
    });
    assertInvalid(() => readControlBatch(badKey), /key has 2 bytes/);
    const badValue = buildRecordBatch({
      control: true,
      transactional: true,
      records: [{ key: Buffer.from([0, 0, 0, 0]), value: null, timestamp: 1 }],
    });
    assertInvalid(() => readControlBatch(badValue), /marker has no bytes/);
  });

  it('a corrupt batch', () => {
    const batch = Buffer.from(GOLDEN_COMMIT_HEX, 'hex');
    batch[40]! ^= 1;
    assert.throws(
      () => readControlBatch(batch),
      (error: unknown) => error instanceof RecordBatchError && error.errorCode === RecordBatchErrorCode.CORRUPT_MESSAGE,
    );
  });
});

describe('error codes', () => {
  it('are Kafka codes with Kafka names', () => {
    assert.deepEqual(
      Object.values(RecordBatchErrorCode).map((code) => [code, recordBatchErrorName(code)]),
      [
        [0, 'NONE'],
        [2, 'CORRUPT_MESSAGE'],
        [10, 'MESSAGE_TOO_LARGE'],
        [32, 'INVALID_TIMESTAMP'],
        [43, 'UNSUPPORTED_FOR_MESSAGE_FORMAT'],
        [87, 'INVALID_RECORD'],
      ],
    );
    const error = new RecordBatchError(RecordBatchErrorCode.CORRUPT_MESSAGE, 'bad');
    assert.equal(error.name, 'RecordBatchError');
    assert.equal(error.errorCode, 2);
  });
});
