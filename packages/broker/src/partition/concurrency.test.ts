import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachLimited } from './concurrency.js';

test('every item is processed, never more than the limit at once', async () => {
  let running = 0;
  let peak = 0;
  const done: number[] = [];
  await forEachLimited([...Array(50).keys()], 4, async (i) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, i % 3));
    done.push(i);
    running--;
  });
  assert.equal(done.length, 50);
  assert.deepEqual(
    [...done].sort((a, b) => a - b),
    [...Array(50).keys()],
  );
  assert.ok(peak <= 4 && peak > 1, `peak ${peak}`);
});

test('an error stops the run and is reported', async () => {
  await assert.rejects(
    forEachLimited([1, 2, 3], 2, async (i) => {
      if (i === 2) throw new Error('boom');
    }),
    /boom/,
  );
});
