import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startTestBroker } from './testing.js';

test('metadata.log.dir puts the metadata log in its own directory', async () => {
  const metadataDir = mkdtempSync(join(tmpdir(), 'gregor-metadata-'));
  const tb = await startTestBroker({ properties: { 'metadata.log.dir': metadataDir } });
  try {
    assert.ok(existsSync(join(metadataDir, '__cluster_metadata-0', 'quorum-state')));
    assert.ok(!existsSync(join(tb.logDir, '__cluster_metadata-0')));
  } finally {
    await tb.stop();
    rmSync(metadataDir, { recursive: true, force: true });
  }
});
