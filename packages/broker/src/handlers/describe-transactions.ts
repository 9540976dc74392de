/**
 * DescribeTransactions (65), version 0 (KIP-664): the coordinator's state of each
 * transactional id asked for: state name (Kafka's: Empty, Ongoing, PrepareCommit, ...),
 * timeout, start time, producer id and epoch, and the partitions of the transaction. An
 * id this broker does not coordinate is NOT_COORDINATOR, one it does not know
 * TRANSACTIONAL_ID_NOT_FOUND, one whose partition is loading COORDINATOR_LOAD_IN_PROGRESS.
 */
import type { DescribeTransactionsRequest } from '@gregor/protocol';
import { ApiKey, DescribeTransactionsResponse, ErrorCode } from '@gregor/protocol';
import { TopicData, TransactionState } from '@gregor/protocol/generated/messages/describe-transactions-response';
import { TXN_STATE_NAMES } from '../txn/transaction-metadata.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function failed(transactionalId: string, errorCode: number): TransactionState {
  const s = new TransactionState();
  s.transactionalId = transactionalId;
  s.errorCode = errorCode;
  s.transactionStartTimeMs = -1n;
  s.producerId = -1n;
  s.producerEpoch = -1;
  return s;
}

export const describeTransactionsHandler: ApiHandler = defineHandler<
  DescribeTransactionsRequest,
  DescribeTransactionsResponse
>({
  apiKey: ApiKey.DescribeTransactions,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    const txns = ctx.broker.txns;
    const response = new DescribeTransactionsResponse();
    for (const id of request.transactionalIds) {
      const ready = await txns.ready(id);
      if (ready !== ErrorCode.NONE) {
        response.transactionStates.push(failed(id, ready));
        continue;
      }
      const m = txns.coordinator.get(id);
      if (m === undefined || m.producerId < 0) {
        response.transactionStates.push(failed(id, ErrorCode.TRANSACTIONAL_ID_NOT_FOUND));
        continue;
      }
      const s = new TransactionState();
      s.transactionalId = id;
      s.transactionState = TXN_STATE_NAMES[m.state];
      s.transactionTimeoutMs = m.timeoutMs;
      s.transactionStartTimeMs = BigInt(m.startTimestampMs);
      s.producerId = BigInt(m.producerId);
      s.producerEpoch = m.producerEpoch;
      for (const [topic, partitions] of m.partitions) {
        const t = new TopicData();
        t.topic = topic;
        t.partitions = [...partitions].sort((a, b) => a - b);
        s.topics.push(t);
      }
      response.transactionStates.push(s);
    }
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new DescribeTransactionsResponse();
    for (const id of request.transactionalIds) response.transactionStates.push(failed(id, errorCode));
    return response;
  },
});
