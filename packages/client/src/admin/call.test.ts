import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@gregor/protocol';
import { AbortError, ConfigError, ConnectionError, KafkaError } from '../errors.js';
import { Cluster } from '../network/cluster.js';
import { resolveClientOptions } from '../options.js';
import { AdminError } from './admin-error.js';
import { Call, failed, type ItemOutcome, keyItem, ok, partitionKey } from './call.js';

function cluster(): Cluster {
  return new Cluster(
    resolveClientOptions({ bootstrapServers: '127.0.0.1:9', retryBackoffMs: 1, retryBackoffMaxMs: 5 }),
  );
}

const notController = (name: string) => new KafkaError(ErrorCode.NOT_CONTROLLER, null, { topic: name });
const exists = (name: string) => new KafkaError(ErrorCode.TOPIC_ALREADY_EXISTS, null, { topic: name });

describe('Call.batch', () => {
  it('retries only the items that failed retriably, keeping the others', async () => {
    const call = new Call(cluster(), 'test', { timeoutMs: 5_000 });
    const asked: string[][] = [];
    let refreshed = 0;
    const outcomes = await call.batch<string>(
      ['a', 'b', 'c'],
      async (pending, n) => {
        asked.push([...pending]);
        const answers = new Map<string, ItemOutcome<string>>();
        for (const key of pending) {
          if (key === 'a') answers.set(key, ok(`a${n}`));
          else if (key === 'b') answers.set(key, n < 2 ? failed(notController(key)) : ok(`b${n}`));
          else answers.set(key, failed(exists(key)));
        }
        return answers;
      },
      () => {
        refreshed++;
      },
    );
    assert.deepEqual(asked, [['a', 'b', 'c'], ['b'], ['b']]);
    assert.equal(refreshed, 2);
    assert.throws(
      () => call.settle(['a', 'b', 'c'], outcomes),
      (e: unknown) => {
        assert.ok(e instanceof AdminError);
        assert.deepEqual(e.results, ['a0', 'b2']);
        assert.deepEqual(
          e.errors.map((x) => [x.type, x.topic]),
          [['TOPIC_ALREADY_EXISTS', 'c']],
        );
        return true;
      },
    );
  });

  it('leaves the last retriable item errors when time runs out', async () => {
    const call = new Call(cluster(), 'test', { timeoutMs: 50 });
    const outcomes = await call.batch<number>(['a', 'b'], async (pending) => {
      const answers = new Map<string, ItemOutcome<number>>();
      for (const key of pending) answers.set(key, key === 'a' ? ok(1) : failed(notController(key)));
      return answers;
    });
    assert.equal(outcomes.get('a')?.ok, true);
    const b = outcomes.get('b');
    assert.ok(b !== undefined && !b.ok && b.error.type === 'NOT_CONTROLLER');
  });

  it('an item the broker did not answer fails; whole-call errors end the batch', async () => {
    const call = new Call(cluster(), 'test', { timeoutMs: 5_000 });
    const outcomes = await call.batch<number>(['a'], async () => new Map());
    const a = outcomes.get('a');
    assert.ok(a !== undefined && !a.ok && a.error.type === 'UNKNOWN_SERVER_ERROR');
    await assert.rejects(
      new Call(cluster(), 'test', {}).batch(['a'], async () => {
        throw new ConfigError('bad');
      }),
      ConfigError,
    );
    // A retriable whole-call error is retried until the deadline, then thrown.
    let attempts = 0;
    await assert.rejects(
      new Call(cluster(), 'test', { timeoutMs: 50 }).batch(['a'], async () => {
        attempts++;
        throw new ConnectionError('down');
      }),
      ConnectionError,
    );
    assert.ok(attempts > 1);
  });

  it('aborts with the caller signal and checks timeoutMs', async () => {
    const controller = new AbortController();
    const call = new Call(cluster(), 'test', { signal: controller.signal });
    controller.abort();
    await assert.rejects(
      call.run(async () => 1),
      AbortError,
    );
    assert.throws(() => new Call(cluster(), 'test', { timeoutMs: 0 }), ConfigError);
    assert.throws(() => new Call(cluster(), 'test', { timeoutMs: 2 ** 31 }), ConfigError);
    assert.throws(() => new Call(cluster(), 'test', { timeoutMs: 1.5 }), ConfigError);
  });

  it('reports a whole-request error once per item, with the item named', () => {
    const call = new Call(cluster(), 'test', {});
    const down = new ConnectionError('connection to 127.0.0.1:9 closed');
    const outcomes = new Map<string, ItemOutcome<number>>([
      [partitionKey('t', 0), failed(down)],
      [partitionKey('t', 1), failed(down)],
      ['group-a', failed(down)],
    ]);
    assert.throws(
      () => call.settle([partitionKey('t', 0), partitionKey('t', 1), 'group-a'], outcomes),
      (e: unknown) => {
        assert.ok(e instanceof AdminError);
        assert.deepEqual(
          e.errors.map((x) => [x.type, x.topic, x.partition, x.retriable, x.cause]),
          [
            ['NETWORK_EXCEPTION', 't', 0, true, down],
            ['NETWORK_EXCEPTION', 't', 1, true, down],
            ['NETWORK_EXCEPTION', 'group-a', undefined, true, down],
          ],
        );
        assert.equal(e.errors[0]?.message, 'NETWORK_EXCEPTION: connection to 127.0.0.1:9 closed');
        return true;
      },
    );
    assert.deepEqual(keyItem(partitionKey('a\u0000b', 3)), { topic: 'a\u0000b', partition: 3 });
    assert.deepEqual(keyItem('plain'), { topic: 'plain' });
  });
});
