/**
 * Gregor's Kafka client for TypeScript: {@link Producer}, {@link Consumer} and
 * {@link Admin}, over the Kafka wire protocol.
 */

export * from './admin/index.js';
export * from './consumer/index.js';
export * from './errors.js';
export type { BrokerInfo, Lane, PartitionInfo, TopicInfo } from './network/cluster.js';
export { Cluster, CoordinatorType } from './network/cluster.js';
export type { ConnectionOptions, RequestOptions, VersionRange } from './network/connection.js';
export { Connection } from './network/connection.js';
export type { BrokerAddress, ClientOptions, Logger, ResolvedClientOptions } from './options.js';
export { parseBrokerAddress, resolveClientOptions } from './options.js';
export * from './producer/index.js';
export * from './types.js';
