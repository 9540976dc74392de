import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { joinPath, MemoryDisk, PartitionLog } from '@gregor/storage';
import { DiskReplicatedLog, snapshotFileName } from './raft-log.js';

async function openLog(disk: MemoryDisk): Promise<{ log: PartitionLog; replicated: DiskReplicatedLog }> {
  const dir = joinPath('data', '__cluster_metadata-0');
  await disk.mkdirs(dir);
  const log = await PartitionLog.open({ disk, dir, config: { durable: true, retentionMs: -1, retentionBytes: -1 } });
  return { log, replicated: await DiskReplicatedLog.open(log, disk) };
}

describe('DiskReplicatedLog snapshots', () => {
  test('FetchSnapshot chunks are read from the file at their position, not the whole snapshot each time', async () => {
    const disk = new MemoryDisk();
    const { log, replicated } = await openLog(disk);
    try {
      const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
      const id = { offset: 0, epoch: 0 };
      await replicated.writeSnapshot(id, data);
      const chunks: Buffer[] = [];
      for (let position = 0; position < data.length; ) {
        const read = await replicated.readSnapshotChunk(id, position, 3_000);
        assert.ok(read !== null);
        assert.equal(read.size, data.length);
        assert.ok(read.chunk.length > 0 && read.chunk.length <= 3_000);
        chunks.push(read.chunk);
        position += read.chunk.length;
      }
      assert.deepEqual(Buffer.concat(chunks), data);
      assert.deepEqual(await replicated.readSnapshotChunk(id, data.length, 3_000), {
        size: data.length,
        chunk: Buffer.alloc(0),
      });
      assert.equal((await replicated.readSnapshotChunk(id, data.length + 1, 3_000))?.chunk.length, 0);
      assert.equal(await replicated.readSnapshotChunk({ offset: 5, epoch: 0 }, 0, 3_000), null, 'no such snapshot');
      // A snapshot file gone meanwhile (replaced by a newer one) is not found, not an error.
      await disk.unlink(joinPath(log.dir, snapshotFileName(id)));
      assert.equal(await replicated.readSnapshotChunk(id, 0, 3_000), null);
    } finally {
      await log.close();
    }
  });
});
