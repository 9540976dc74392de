/**
 * ListTransactions (66), versions 0-1 (KIP-664): the transactional ids this broker
 * coordinates, filtered by state names (names Kafka does not know are returned in
 * `unknownStateFilters`), by producer ids, and from v1 (KIP-994) by duration: only
 * transactions running longer than `durationFilter` ms (-1: no filter). No filter: all.
 */
import type { ListTransactionsRequest } from '@gregor/protocol';
import { ApiKey, ListTransactionsResponse } from '@gregor/protocol';
import { TransactionState } from '@gregor/protocol/generated/messages/list-transactions-response';
import { TXN_STATE_NAMES, TxnState } from '../txn/transaction-metadata.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

const KNOWN_STATES = new Set(Object.values(TXN_STATE_NAMES));

export const listTransactionsHandler: ApiHandler = defineHandler<ListTransactionsRequest, ListTransactionsResponse>({
  apiKey: ApiKey.ListTransactions,
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, request) {
    const response = new ListTransactionsResponse();
    const states = new Set<string>();
    for (const s of request.stateFilters) {
      if (KNOWN_STATES.has(s)) states.add(s);
      else response.unknownStateFilters.push(s);
    }
    // Only unknown states asked for: nothing can match.
    if (request.stateFilters.length > 0 && states.size === 0) return response;
    const producerIds = new Set(request.producerIdFilters.map(Number));
    const durationMs = ctx.version >= 1 ? Number(request.durationFilter) : -1;
    const now = Date.now();
    for (const m of ctx.broker.txns.coordinator.all()) {
      if (m.producerId < 0) continue;
      const name = TXN_STATE_NAMES[m.state];
      if (states.size > 0 && !states.has(name)) continue;
      if (producerIds.size > 0 && !producerIds.has(m.producerId)) continue;
      if (durationMs >= 0 && (m.state !== TxnState.ONGOING || now - m.startTimestampMs <= durationMs)) continue;
      const t = new TransactionState();
      t.transactionalId = m.transactionalId;
      t.producerId = BigInt(m.producerId);
      t.transactionState = name;
      response.transactionStates.push(t);
    }
    return response;
  },
  errorResponse(_ctx, _request, errorCode) {
    const response = new ListTransactionsResponse();
    response.errorCode = errorCode;
    return response;
  },
});
