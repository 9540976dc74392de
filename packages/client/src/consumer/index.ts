/**
 * The consumer: {@link Consumer}, its options and record shapes, rebalance listeners
 * and the partition assignors.
 */
export type { MemberAssignment, MemberSubscription, PartitionAssignor, RebalanceProtocol } from './assignors.js';
export {
  cooperativeStickyAssign,
  cooperativeStickyAssignor,
  rangeAssign,
  rangeAssignor,
  roundRobinAssign,
  roundRobinAssignor,
} from './assignors.js';
export type { OffsetAndTimestamp, PollOptions, RebalanceListener } from './consumer.js';
export { Consumer } from './consumer.js';
export type { GroupMetadata, OffsetAndMetadata } from './group.js';
export type { ConsumerOptions } from './options.js';
export type { ConsumerBatch, ConsumerRecord } from './records.js';
