/**
 * Transaction administration (KIP-664): ListTransactions to every broker,
 * DescribeTransactions to each transactional id's coordinator, DescribeProducers to
 * each partition's leader.
 */
import {
  ApiKey,
  DescribeProducersRequest,
  type DescribeProducersResponse,
  DescribeTransactionsRequest,
  type DescribeTransactionsResponse,
  ListTransactionsRequest,
  type ListTransactionsResponse,
} from '@gregor/protocol';
import { TopicRequest } from '@gregor/protocol/generated/messages/describe-producers-request';
import { ConfigError, KafkaError } from '../errors.js';
import { CoordinatorType } from '../network/cluster.js';
import type { TopicPartition } from '../types.js';
import { type Call, failed, type ItemOutcome, itemError, ok, partitionKey, toNumber } from './call.js';
import { partitionKeys } from './offsets.js';
import { coordinatorFanOut, ensureBrokers, fanOut, routeToLeaders } from './routing.js';
import { checkNames } from './topics.js';
import type { PartitionProducers, TransactionDescription, TransactionListing } from './types.js';

export async function listTransactions(
  call: Call,
  states: readonly string[] | undefined,
  producerIds: readonly number[] | undefined,
): Promise<TransactionListing[]> {
  for (const id of producerIds ?? []) {
    if (!Number.isSafeInteger(id)) throw new ConfigError(`listTransactions: producer ids must be integers, got ${id}`);
  }
  const cluster = call.cluster;
  return call.run(async () => {
    await ensureBrokers(call);
    const all = new Map<string, TransactionListing>();
    await Promise.all(
      cluster.brokerList().map(async (broker) => {
        const connection = await cluster.connection(broker.nodeId, 'default', call.signal);
        const version = connection.version(ApiKey.ListTransactions);
        const request = new ListTransactionsRequest();
        request.stateFilters = [...(states ?? [])];
        request.producerIdFilters = (producerIds ?? []).map((id) => BigInt(id));
        const response = await connection.requestAt<ListTransactionsResponse>(
          ApiKey.ListTransactions,
          version,
          request,
          call.requestOptions(),
        );
        if (response.errorCode !== 0) {
          throw new KafkaError(response.errorCode, `ListTransactions from broker ${broker.nodeId}`);
        }
        for (const t of response.transactionStates) {
          all.set(t.transactionalId, {
            transactionalId: t.transactionalId,
            producerId: toNumber(t.producerId),
            state: t.transactionState,
          });
        }
      }),
    );
    return [...all.values()].sort((a, b) =>
      a.transactionalId < b.transactionalId ? -1 : a.transactionalId > b.transactionalId ? 1 : 0,
    );
  });
}

export async function describeTransactions(
  call: Call,
  transactionalIds: readonly string[],
): Promise<TransactionDescription[]> {
  checkNames('describeTransactions', transactionalIds);
  const outcomes = await call.batch<TransactionDescription>(transactionalIds, (pending) =>
    coordinatorFanOut<TransactionDescription>(call, CoordinatorType.TRANSACTION, pending, async (connection, keys) => {
      const version = connection.version(ApiKey.DescribeTransactions);
      const request = new DescribeTransactionsRequest();
      request.transactionalIds = [...keys];
      const response = await connection.requestAt<DescribeTransactionsResponse>(
        ApiKey.DescribeTransactions,
        version,
        request,
        call.requestOptions(),
      );
      const answers = new Map<string, ItemOutcome<TransactionDescription>>();
      for (const t of response.transactionStates) {
        if (t.errorCode !== 0) {
          answers.set(t.transactionalId, failed(itemError(t.errorCode, null, t.transactionalId)));
          continue;
        }
        const partitions: TopicPartition[] = [];
        for (const topic of t.topics)
          for (const p of topic.partitions) partitions.push({ topic: topic.topic, partition: p });
        answers.set(
          t.transactionalId,
          ok({
            transactionalId: t.transactionalId,
            state: t.transactionState,
            timeoutMs: t.transactionTimeoutMs,
            startTimeMs: toNumber(t.transactionStartTimeMs),
            producerId: toNumber(t.producerId),
            producerEpoch: t.producerEpoch,
            partitions,
          }),
        );
      }
      return answers;
    }),
  );
  return call.settle(transactionalIds, outcomes);
}

export async function describeProducers(
  call: Call,
  partitions: readonly TopicPartition[],
): Promise<PartitionProducers[]> {
  const keys = partitionKeys('describeProducers', partitions);
  const byKey = new Map(partitions.map((tp, i) => [keys[i] as string, tp]));
  const outcomes = await call.batch<PartitionProducers>(keys, async (pending) => {
    const { byLeader, failures } = await routeToLeaders(call, pending, byKey);
    const answers = await fanOut<PartitionProducers>(byLeader, async (nodeId, group) => {
      const connection = await call.cluster.connection(nodeId, 'default', call.signal);
      const version = connection.version(ApiKey.DescribeProducers);
      const request = new DescribeProducersRequest();
      const topics = new Map<string, TopicRequest>();
      for (const key of group) {
        const tp = byKey.get(key) as TopicPartition;
        let t = topics.get(tp.topic);
        if (t === undefined) {
          t = new TopicRequest();
          t.name = tp.topic;
          topics.set(tp.topic, t);
          request.topics.push(t);
        }
        t.partitionIndexes.push(tp.partition);
      }
      const response = await connection.requestAt<DescribeProducersResponse>(
        ApiKey.DescribeProducers,
        version,
        request,
        call.requestOptions(),
      );
      const out = new Map<string, ItemOutcome<PartitionProducers>>();
      for (const t of response.topics) {
        for (const p of t.partitions) {
          const key = partitionKey(t.name, p.partitionIndex);
          if (p.errorCode !== 0) {
            out.set(key, failed(itemError(p.errorCode, p.errorMessage, t.name, p.partitionIndex)));
            continue;
          }
          out.set(
            key,
            ok({
              topic: t.name,
              partition: p.partitionIndex,
              activeProducers: p.activeProducers.map((s) => ({
                producerId: toNumber(s.producerId),
                producerEpoch: s.producerEpoch,
                lastSequence: s.lastSequence,
                lastTimestamp: toNumber(s.lastTimestamp),
                coordinatorEpoch: s.coordinatorEpoch,
                currentTxnStartOffset: toNumber(s.currentTxnStartOffset),
              })),
            }),
          );
        }
      }
      return out;
    });
    for (const [key, outcome] of failures) answers.set(key, outcome);
    return answers;
  });
  return call.settle(keys, outcomes);
}
