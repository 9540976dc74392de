import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AbortError, KafkaError } from '../errors.js';
import { backoffDelay, retry, sleep } from './retry.js';

describe('retry', () => {
  it('backs off exponentially with jitter up to the cap', () => {
    const o = { backoffMs: 100, backoffMaxMs: 1_000 };
    assert.equal(
      backoffDelay(0, o, () => 0.5),
      100,
    );
    assert.equal(
      backoffDelay(1, o, () => 0.5),
      200,
    );
    assert.equal(
      backoffDelay(3, o, () => 0.5),
      800,
    );
    assert.equal(
      backoffDelay(10, o, () => 0.5),
      1_000,
    );
    assert.equal(
      backoffDelay(0, o, () => 0),
      80,
    );
    assert.equal(
      backoffDelay(0, o, () => 1),
      120,
    );
  });

  it('gives up at the deadline with the last retriable error', async () => {
    let now = 0;
    let calls = 0;
    await assert.rejects(
      retry(
        async () => {
          calls++;
          now += 400;
          throw new KafkaError(7, 'slow');
        },
        { timeoutMs: 1_000, backoffMs: 1, backoffMaxMs: 1, now: () => now },
      ),
      /REQUEST_TIMED_OUT: slow/,
    );
    assert.equal(calls, 3);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const pending = retry(
      async () => {
        throw new KafkaError(6);
      },
      { timeoutMs: 60_000, backoffMs: 50, backoffMaxMs: 50, signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, AbortError);
    await assert.rejects(sleep(10, controller.signal), AbortError);
  });
});

describe('KafkaError', () => {
  it('carries the code, name and retriability from the error table', () => {
    const e = new KafkaError(6, null, { topic: 't', partition: 1 });
    assert.equal(e.type, 'NOT_LEADER_OR_FOLLOWER');
    assert.equal(e.retriable, true);
    assert.equal(e.topic, 't');
    assert.match(e.message, /^NOT_LEADER_OR_FOLLOWER: /);
    assert.equal(new KafkaError(36).retriable, false);
    assert.equal(new KafkaError(9999).type, 'UNKNOWN_ERROR_CODE_9999');
  });
});
