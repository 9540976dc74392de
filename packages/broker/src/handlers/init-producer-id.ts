/**
 * InitProducerId (22), versions 0-5: a producer id and epoch for an idempotent producer
 * (KIP-98). v2 is flexible; v3 adds producerId/producerEpoch (KIP-360); v4 and v5 change
 * nothing on the wire (they tell the broker the client handles newer errors).
 *
 * transactionalId null (idempotent only): as Kafka's TransactionCoordinator, always a new
 * producer id with epoch 0, whatever producerId/epoch a v3+ request carries. An
 * idempotent client bumps its epoch itself (KIP-360) and asks for a new id only when the
 * epoch would overflow, so the broker never bumps for it. A producerId without an epoch
 * (or the reverse) is INVALID_REQUEST, as KafkaApis checks before anything else.
 *
 * Ids come from blocks of 1000 the controller allocates through the metadata log
 * (ProducerIdsRecord, durable before it is used): never handed out twice, also across
 * restarts, since a restart takes a new block. A new block is asked for when the current
 * one runs out; meanwhile requests wait for it. When the allocation fails the answer is
 * COORDINATOR_LOAD_IN_PROGRESS (retriable), as Kafka's when no block is ready.
 *
 * transactionalId "" is INVALID_REQUEST (Kafka); any other transactional id goes to the
 * transaction coordinator (txn/transaction-coordinator.ts): a new producer id, or the
 * epoch bumped (an open transaction aborted first, CONCURRENT_TRANSACTIONS meanwhile);
 * a stale producerId/epoch (v3+) is PRODUCER_FENCED (INVALID_PRODUCER_EPOCH before v4,
 * KIP-588).
 */
import type { InitProducerIdRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, InitProducerIdResponse } from '@gregor/protocol';
import type { Broker } from '../broker.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

/** The block of producer ids this broker hands out from, per broker. */
export class ProducerIdBlock {
  private next = 0;
  private end = 0;
  private pending: Promise<void> | null = null;

  constructor(private readonly broker: Broker) {}

  async generate(): Promise<number> {
    while (this.next >= this.end) {
      this.pending ??= this.allocate().finally(() => {
        this.pending = null;
      });
      await this.pending;
    }
    return this.next++;
  }

  private async allocate(): Promise<void> {
    const block = await this.broker.controllerApi.allocateProducerIds(this.broker.nodeId, this.broker.brokerEpoch);
    this.next = block.firstProducerId;
    this.end = block.firstProducerId + block.size;
  }
}

const blocks = new WeakMap<Broker, ProducerIdBlock>();

/** The producer id block of `broker` (also used by the transaction coordinator). */
export function blockOf(broker: Broker): ProducerIdBlock {
  let block = blocks.get(broker);
  if (block === undefined) {
    block = new ProducerIdBlock(broker);
    blocks.set(broker, block);
  }
  return block;
}

function answer(errorCode: number, producerId = -1n, producerEpoch = -1): InitProducerIdResponse {
  const r = new InitProducerIdResponse();
  r.errorCode = errorCode;
  r.producerId = producerId;
  r.producerEpoch = producerEpoch;
  return r;
}

export const initProducerIdHandler: ApiHandler = defineHandler<InitProducerIdRequest, InitProducerIdResponse>({
  apiKey: ApiKey.InitProducerId,
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    if (version >= 3 && (request.producerId === -1n) !== (request.producerEpoch === -1))
      return answer(ErrorCode.INVALID_REQUEST);
    if (request.transactionalId !== null) {
      if (request.transactionalId === '') return answer(ErrorCode.INVALID_REQUEST);
      const ready = await broker.txns.ready(request.transactionalId, true);
      if (ready !== ErrorCode.NONE) return answer(ready);
      const r = await broker.txns.coordinator.initProducerId(
        request.transactionalId,
        request.transactionTimeoutMs,
        version >= 3 ? Number(request.producerId) : -1,
        version >= 3 ? request.producerEpoch : -1,
      );
      // KIP-588: clients before v4 do not know PRODUCER_FENCED.
      const errorCode =
        r.errorCode === ErrorCode.PRODUCER_FENCED && version < 4 ? ErrorCode.INVALID_PRODUCER_EPOCH : r.errorCode;
      return answer(errorCode, BigInt(r.producerId), r.producerEpoch);
    }
    let producerId: number;
    try {
      producerId = await blockOf(broker).generate();
    } catch (e) {
      broker.logger.warn({ err: e }, 'producer id block allocation failed');
      return answer(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
    }
    return answer(ErrorCode.NONE, BigInt(producerId), 0);
  },
  errorResponse(_ctx, _request, errorCode) {
    return answer(errorCode);
  },
});
