/**
 * Golden bytes from real clients (kcat / librdkafka 2.0.2 and KafkaJS 2.2.4), captured by
 * capture.ts into test-fixtures/golden/<client>/. For every fixture: the frame decodes
 * exactly (no bytes left), the header names the API, version and client id the manifest
 * says, the facts the capture told the client hold, and encoding the decoded request at
 * the same version gives back the captured bytes, byte for byte (tagged fields, compact
 * and nullable encodings included). The records inside Produce requests are decoded
 * (decompressed per codec) and compared with what the client was given.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { decodeRequest, encodeRequest } from '../frames.js';
import { ApiKey } from '../generated/api-table.js';
import type { ProduceRequest } from '../generated/messages/produce-request.js';
import { readAllRecords } from '../record-batch/index.js';
import type { GoldenFixture, GoldenManifest, GoldenRecord, GoldenRecords } from './manifest.js';
import { checkFacts } from './manifest.js';

const GOLDEN_DIR = fileURLToPath(new URL('../../test-fixtures/golden/', import.meta.url));
const CODECS: readonly GoldenRecords['compression'][] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** What each client's fixture set must at least hold, so a bad re-capture cannot shrink it unnoticed. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  kcat: [
    'ApiVersions',
    'Metadata',
    'Produce:none',
    'Produce:gzip',
    'Produce:snappy',
    'Produce:lz4',
    'Produce:zstd',
    'Fetch',
    'ListOffsets',
    'FindCoordinator',
    'JoinGroup',
    'SyncGroup',
    'Heartbeat',
    'OffsetCommit',
    'OffsetFetch',
    'LeaveGroup',
    'InitProducerId',
    'AddPartitionsToTxn',
    'EndTxn',
  ],
  kafkajs: [
    'ApiVersions',
    'Metadata',
    'Produce:none',
    'Produce:gzip',
    'Fetch',
    'ListOffsets',
    'FindCoordinator',
    'JoinGroup',
    'SyncGroup',
    'Heartbeat',
    'OffsetCommit',
    'OffsetFetch',
    'LeaveGroup',
    'InitProducerId',
    'AddPartitionsToTxn',
    'EndTxn',
  ],
};

function loadManifest(client: string): GoldenManifest {
  return JSON.parse(readFileSync(`${GOLDEN_DIR}${client}/manifest.json`, 'utf8')) as GoldenManifest;
}

const clients = readdirSync(GOLDEN_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

test('checkFacts reports each mismatch, and compares int64 values as decimal strings', () => {
  const decoded = { header: { clientId: 'c' }, body: { acks: -1, topics: [{ name: 't', offset: 5n }] } };
  assert.deepEqual(
    checkFacts(decoded, {
      'header.clientId': 'c',
      acks: -1,
      'topics.length': 1,
      'topics[0].name': 't',
      'topics[0].offset': '5',
    }),
    [],
  );
  assert.deepEqual(checkFacts(decoded, { 'header.clientId': 'd', 'topics[0].offset': '6', 'topics[1].name': 't' }), [
    'header.clientId: expected "d", got "c"',
    'topics[0].offset: expected "6", got 5n',
    'topics[1].name: expected "t", got undefined',
  ]);
});

test('every expected client has a fixture set', () => {
  assert.deepEqual(clients, Object.keys(REQUIRED).sort());
});

for (const client of clients) {
  const manifest = loadManifest(client);
  const dir = `${GOLDEN_DIR}${client}/`;

  describe(`golden ${client}`, () => {
    test('the manifest and the .bin files agree', () => {
      assert.equal(manifest.client, client);
      const listed = manifest.fixtures.map((f) => f.file).sort();
      const present = readdirSync(dir)
        .filter((f) => f.endsWith('.bin'))
        .sort();
      assert.deepEqual(present, listed);
      assert.equal(new Set(listed).size, listed.length, 'a file is listed twice');
    });

    test('the fixture set covers the required APIs', () => {
      const have = new Set<string>();
      for (const f of manifest.fixtures) {
        have.add(f.api);
        if (f.records !== undefined) have.add(`${f.api}:${f.records.compression}`);
      }
      for (const required of REQUIRED[client] ?? []) assert.ok(have.has(required), `${client} lacks ${required}`);
    });

    for (const fixture of manifest.fixtures) {
      test(fixture.file, () => checkFixture(dir, fixture));
    }
  });
}

function checkFixture(dir: string, fixture: GoldenFixture): void {
  assert.ok(existsSync(`${dir}${fixture.file}`), `${fixture.file} is missing`);
  const frame = readFileSync(`${dir}${fixture.file}`);
  const decoded = decodeRequest(frame);
  assert.ok(decoded.ok, decoded.ok ? '' : `${decoded.reason}: ${decoded.message}`);
  const { api, version, header, body } = decoded;
  assert.equal(api.apiKey, fixture.apiKey);
  assert.equal(api.name, fixture.api);
  assert.equal(version, fixture.version);
  assert.equal(header.requestApiKey, fixture.apiKey);
  assert.equal(header.requestApiVersion, fixture.version);
  assert.equal(header.clientId, fixture.clientId);
  assert.ok(header.correlationId >= 0, 'correlation id');

  assert.deepEqual(checkFacts(decoded, fixture.facts), []);

  // Same version, same bytes: the codec keeps everything the client sent.
  const encoded = encodeRequest(api, version, header, body);
  assert.equal(encoded.readInt32BE(0), frame.length);
  assert.equal(encoded.subarray(4).toString('hex'), frame.toString('hex'));

  if (fixture.records !== undefined) {
    assert.equal(fixture.apiKey, ApiKey.Produce);
    const blob = (body as ProduceRequest).topicData[0]?.partitionData[0]?.records;
    assert.ok(blob !== null && blob !== undefined, 'the Produce request carries records');
    assert.deepEqual(decodeRecordBlob(blob, fixture.records.compression), fixture.records.records);
  }
}

/** Every record in a Produce records blob, as text, checking each batch's codec. */
function decodeRecordBlob(blob: Buffer, compression: GoldenRecords['compression']): GoldenRecord[] {
  assert.ok(blob.length >= 17, 'records blob holds a batch header');
  const magic = blob.readInt8(16);
  if (magic < 2) return decodeLegacyMessageSet(blob, compression);
  const out: GoldenRecord[] = [];
  let offset = 0;
  while (offset < blob.length) {
    assert.equal(blob.readInt8(offset + 16), 2, `magic of the batch at byte ${offset}`);
    assert.equal(CODECS[blob.readInt16BE(offset + 21) & 7], compression, `codec of the batch at byte ${offset}`);
    for (const r of readAllRecords(blob, offset)) {
      out.push({
        key: r.key === null ? null : r.key.toString('utf8'),
        value: r.value === null ? null : r.value.toString('utf8'),
        headers: r.headers.map((h): [string, string | null] => [
          h.key,
          h.value === null ? null : h.value.toString('utf8'),
        ]),
      });
    }
    offset += 12 + blob.readInt32BE(offset + 8);
  }
  assert.equal(offset, blob.length, 'the last batch ends at the end of the blob');
  return out;
}

/**
 * Magic 0/1 message sets (Produce v0-v2), which the record-batch module does not read:
 * offset int64 · size int32 · crc uint32 (CRC-32 of the rest) · magic int8 ·
 * attributes int8 · timestamp int64 (magic 1) · key bytes · value bytes. Uncompressed
 * only: the legacy captures send no codec.
 */
function decodeLegacyMessageSet(blob: Buffer, compression: GoldenRecords['compression']): GoldenRecord[] {
  assert.equal(compression, 'none', 'legacy fixtures are uncompressed');
  const out: GoldenRecord[] = [];
  let pos = 0;
  // The offsets a producer writes are its own business (librdkafka counts, KafkaJS writes
  // -1); the broker assigns them, so they are not checked.
  while (pos < blob.length) {
    const size = blob.readInt32BE(pos + 8);
    const end = pos + 12 + size;
    assert.ok(end <= blob.length, `message at byte ${pos} overruns the blob`);
    assert.equal(blob.readUInt32BE(pos + 12), crc32(blob.subarray(pos + 16, end)), `CRC of message at byte ${pos}`);
    const magic = blob.readInt8(pos + 16);
    assert.equal(blob.readInt8(pos + 17) & 7, 0, 'uncompressed');
    let p = pos + 18 + (magic >= 1 ? 8 : 0);
    const readBytes = (): string | null => {
      const length = blob.readInt32BE(p);
      p += 4;
      if (length < 0) return null;
      const text = blob.toString('utf8', p, p + length);
      p += length;
      return text;
    };
    const key = readBytes();
    const value = readBytes();
    assert.equal(p, end, `message at byte ${pos} is exactly its size`);
    out.push({ key, value, headers: [] });
    pos = end;
  }
  return out;
}
