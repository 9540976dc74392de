import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MetadataRecordType } from '@gregor/protocol';
import { ConfigRecord } from '@gregor/protocol/generated/metadata/config-record';
import { joinPath, MemoryDisk } from '@gregor/storage';
import { pino } from 'pino';
import { ConfigResourceType } from './image.js';
import { METADATA_TOPIC, MetadataLog, NotControllerError } from './metadata-log.js';
import type { MetadataRecord } from './record-serde.js';

const logger = pino({ level: 'silent' });
const DIR = joinPath('data', `${METADATA_TOPIC}-0`);

function config(name: string, value: string): MetadataRecord {
  const c = new ConfigRecord();
  c.resourceType = ConfigResourceType.TOPIC;
  c.resourceName = 'orders';
  c.name = name;
  c.value = value;
  return { type: MetadataRecordType.ConfigRecord, version: 0, message: c };
}

function open(disk: MemoryDisk, snapshotMaxBytes = 20 * 1024 * 1024): Promise<MetadataLog> {
  return MetadataLog.open({
    disk,
    logDir: 'data',
    nodeId: 1,
    clusterId: 'AAAAAAAAAAAAAAAAAAAAAQ',
    logger,
    snapshotMaxBytes,
  });
}

async function snapshots(disk: MemoryDisk): Promise<string[]> {
  return (await disk.list(DIR)).filter((n) => n.endsWith('.checkpoint'));
}

describe('MetadataLog', () => {
  test('a node alone is the active controller at once; appends are applied in order and survive a restart', async () => {
    const disk = new MemoryDisk();
    const log = await open(disk);
    assert.equal(log.isActiveController, true);
    assert.equal(log.leaderId, 1);
    for (let i = 0; i < 5; i++) await log.append([config(`k${i}`, `v${i}`)]);
    const offset = log.image.offset;
    assert.equal(log.image.topicConfigs('orders').get('k4'), 'v4');
    await log.close();
    const again = await open(disk);
    try {
      assert.equal(again.image.offset, offset);
      assert.equal(again.image.topicConfigs('orders').size, 5);
      // A new epoch at every start: appends go on after it.
      await again.append([config('k5', 'v5')]);
      assert.equal(again.image.topicConfigs('orders').get('k5'), 'v5');
    } finally {
      await again.close();
    }
  });

  test('snapshots: written after enough record bytes, and loaded at the next start', async () => {
    const disk = new MemoryDisk();
    const log = await open(disk, 2000);
    for (let i = 0; i < 60; i++) await log.append([config(`key-${i % 20}`, `value-${i}`)]);
    await log.snapshot();
    const expected = log.image;
    assert.ok((await snapshots(disk)).length >= 1, 'a snapshot file was written');
    assert.ok(log.raft.describeQuorum().highWatermark > 0);
    await log.close();
    const again = await open(disk, 2000);
    try {
      assert.equal(again.image.offset, expected.offset);
      assert.deepEqual(again.image.configs, expected.configs);
      assert.equal(again.image.topicConfigs('orders').get('key-19'), 'value-59');
    } finally {
      await again.close();
    }
  });

  test('a damaged snapshot stops the node with a clear error instead of starting with the wrong metadata', async () => {
    const disk = new MemoryDisk();
    const log = await open(disk, 500);
    for (let i = 0; i < 20; i++) await log.append([config(`key-${i}`, `value-${i}`)]);
    await log.snapshot();
    await log.close();
    const [latest] = (await snapshots(disk)).sort().reverse();
    assert.ok(latest !== undefined);
    const path = joinPath(DIR, latest);
    const data = await disk.readFile(path);
    await disk.writeFileAtomic(path, data.subarray(0, data.length - 10));
    await assert.rejects(open(disk, 500), /metadata snapshot/);
  });

  test('appends after close fail', async () => {
    const disk = new MemoryDisk();
    const log = await open(disk);
    await log.close();
    await assert.rejects(
      log.append([config('a', 'b')]),
      (e: Error) => e instanceof NotControllerError || /closed/.test(e.message),
    );
  });
});
