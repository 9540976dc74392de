/** The producer: Kafka's producer semantics (batching, idempotence, transactions) over the Kafka protocol. */
export type { Partitioner } from './partitioner.js';
export { defaultPartitioner, keyPartition, murmur2 } from './partitioner.js';
export type { ConsumerGroupMetadata, ProducerRecord } from './producer.js';
export { Producer } from './producer.js';
export type { ProducerOptions } from './producer-options.js';
export type { RecordMetadata } from './sink.js';
export { TransactionStateError } from './transaction-manager.js';
