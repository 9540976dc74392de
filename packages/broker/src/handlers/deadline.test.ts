import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  CreatePartitionsResponse,
  CreateTopicsResponse,
  DeleteTopicsResponse,
  IncrementalAlterConfigsResponse,
} from '@gregor/protocol';
import {
  ApiKey,
  CreatePartitionsRequest,
  CreateTopicsRequest,
  DeleteTopicsRequest,
  ErrorCode,
  IncrementalAlterConfigsRequest,
} from '@gregor/protocol';
import { CreatePartitionsTopic } from '@gregor/protocol/generated/messages/create-partitions-request';
import { CreatableTopic } from '@gregor/protocol/generated/messages/create-topics-request';
import {
  AlterableConfig,
  AlterConfigsResource,
} from '@gregor/protocol/generated/messages/incremental-alter-configs-request';
import type { Controller } from '../metadata/controller.js';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TIMED_OUT, within } from './deadline.js';
import { autoCreateTopic } from './metadata.js';
import { TestClient } from './protocol-client.js';

test('within: the result, TIMED_OUT, or the rejection', async () => {
  assert.equal(await within(Promise.resolve(7), 1000), 7);
  assert.equal(await within(new Promise((r) => setTimeout(() => r(1), 200)), 20), TIMED_OUT);
  await assert.rejects(within(Promise.reject(new Error('boom')), 1000), /boom/);
});

type Method = 'createTopics' | 'deleteTopics' | 'createPartitions' | 'alterConfigs';

describe('slow and failing controller operations', () => {
  let tb: TestBroker;
  let client: TestClient;

  /** Replaces a controller method for one test: delayed by `delayMs`, or failing. */
  function patch(method: Method, how: { delayMs: number } | { fail: string }): () => void {
    const controller = tb.broker.controller as unknown as Record<Method, (...args: unknown[]) => Promise<unknown>>;
    const original = controller[method];
    controller[method] = (...args: unknown[]) =>
      'fail' in how
        ? Promise.reject(new Error(how.fail))
        : new Promise((r) => setTimeout(r, how.delayMs)).then(() =>
            original.apply(tb.broker.controller as Controller, args),
          );
    return () => {
      controller[method] = original;
    };
  }

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
    assert.equal(await autoCreateTopic(tb.broker, 'slow-existing'), ErrorCode.NONE);
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('CreateTopics: REQUEST_TIMED_OUT after timeoutMs, the topic created anyway; UNKNOWN_SERVER_ERROR on failure', async () => {
    const create = (name: string, timeoutMs: number) => {
      const r = new CreateTopicsRequest();
      const t = new CreatableTopic();
      t.name = name;
      t.numPartitions = 1;
      t.replicationFactor = 1;
      r.topics = [t];
      r.timeoutMs = timeoutMs;
      return client.send<CreateTopicsResponse>(ApiKey.CreateTopics, 7, r);
    };
    let restore = patch('createTopics', { delayMs: 200 });
    const slow = await create('slow-topic', 30);
    restore();
    assert.equal(slow.topics[0]?.errorCode, ErrorCode.REQUEST_TIMED_OUT);
    assert.match(slow.topics[0]?.errorMessage ?? '', /timeoutMs \(30 ms\)/);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(tb.broker.metadata.topicsByName.has('slow-topic'), 'not undone');
    restore = patch('createTopics', { fail: 'disk full' });
    const failed = await create('failing-topic', 1000);
    restore();
    assert.equal(failed.topics[0]?.errorCode, ErrorCode.UNKNOWN_SERVER_ERROR);
    assert.match(failed.topics[0]?.errorMessage ?? '', /disk full/);
    assert.equal(client.closed, false, 'the connection stays open');
  });

  test('DeleteTopics and CreatePartitions: the same', async () => {
    const del = new DeleteTopicsRequest();
    del.topicNames = ['slow-existing'];
    del.timeoutMs = 1000;
    let restore = patch('deleteTopics', { fail: 'disk full' });
    const deleted = await client.send<DeleteTopicsResponse>(ApiKey.DeleteTopics, 5, del);
    restore();
    assert.equal(deleted.responses[0]?.errorCode, ErrorCode.UNKNOWN_SERVER_ERROR);

    const grow = new CreatePartitionsRequest();
    const t = new CreatePartitionsTopic();
    t.name = 'slow-existing';
    t.count = 2;
    t.assignments = null;
    grow.topics = [t];
    grow.timeoutMs = 20;
    restore = patch('createPartitions', { delayMs: 150 });
    const grown = await client.send<CreatePartitionsResponse>(ApiKey.CreatePartitions, 3, grow);
    restore();
    assert.equal(grown.results[0]?.errorCode, ErrorCode.REQUEST_TIMED_OUT);

    del.timeoutMs = 20;
    restore = patch('deleteTopics', { delayMs: 150 });
    const slowDelete = await client.send<DeleteTopicsResponse>(ApiKey.DeleteTopics, 5, del);
    restore();
    assert.equal(slowDelete.responses[0]?.errorCode, ErrorCode.REQUEST_TIMED_OUT);
    await new Promise((r) => setTimeout(r, 200)); // let the delayed operations finish
    assert.equal(tb.broker.metadata.topicsByName.has('slow-existing'), false, 'deleted after all');
  });

  test('IncrementalAlterConfigs: a failing controller is UNKNOWN_SERVER_ERROR for that resource', async () => {
    assert.equal(await autoCreateTopic(tb.broker, 'slow-configs'), ErrorCode.NONE);
    const r = new IncrementalAlterConfigsRequest();
    const res = new AlterConfigsResource();
    res.resourceType = 2;
    res.resourceName = 'slow-configs';
    const c = new AlterableConfig();
    c.name = 'retention.ms';
    c.configOperation = 0;
    c.value = '1000';
    res.configs = [c];
    r.resources = [res];
    const restore = patch('alterConfigs', { fail: 'disk full' });
    const answer = await client.send<IncrementalAlterConfigsResponse>(ApiKey.IncrementalAlterConfigs, 1, r);
    restore();
    assert.equal(answer.responses[0]?.errorCode, ErrorCode.UNKNOWN_SERVER_ERROR);
    assert.match(answer.responses[0]?.errorMessage ?? '', /disk full/);
  });
});
