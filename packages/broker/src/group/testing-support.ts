/**
 * Test support for the group coordinator: an in-memory `__consumer_offsets`, consumer
 * protocol bytes, and a coordinator driven by a fake clock. Tests only.
 */

import { Writer } from '@gregor/protocol';
import { ConsumerProtocolSubscription } from '@gregor/protocol/generated/messages/consumer-protocol-subscription';
import { pino } from 'pino';
import type { JoinResult, Protocol, SyncResult } from './classic-group.js';
import type { GroupCoordinatorConfig, JoinGroupInput, OffsetsBackend } from './group-coordinator.js';
import { CoordinatorWriteError, GroupCoordinator } from './group-coordinator.js';
import type { OffsetsRecord } from './records.js';
import { FakeScheduler } from './scheduler.js';

/** A ConsumerProtocol subscription (version 0) to `topics`. */
export function subscription(topics: readonly string[], version = 0): Buffer {
  const s = new ConsumerProtocolSubscription();
  s.topics = [...topics];
  const w = Writer.alloc(2 + ConsumerProtocolSubscription.size(version, s));
  w.int16(version);
  ConsumerProtocolSubscription.write(w, version, s);
  return w.finish();
}

export class MemoryOffsetsBackend implements OffsetsBackend {
  readonly logs = new Map<number, OffsetsRecord[]>();
  /** The next appends fail with these error codes, in order. */
  readonly failures: number[] = [];
  /** While set, reads wait for it (a partition that takes long to load). */
  readGate: Promise<void> | null = null;
  appends = 0;

  constructor(readonly partitions = 4) {}

  partitionCount(): number {
    return this.partitions;
  }

  append(partition: number, records: readonly OffsetsRecord[]): Promise<void> {
    const failure = this.failures.shift();
    if (failure !== undefined) return Promise.reject(new CoordinatorWriteError(failure, 'injected failure'));
    this.appends++;
    const log = this.logs.get(partition) ?? [];
    log.push(...records);
    this.logs.set(partition, log);
    return Promise.resolve();
  }

  async *read(partition: number): AsyncIterable<readonly OffsetsRecord[]> {
    if (this.readGate !== null) await this.readGate;
    yield [...(this.logs.get(partition) ?? [])];
  }

  /** Every record written so far, over all partitions. */
  all(): OffsetsRecord[] {
    return [...this.logs.values()].flat();
  }
}

export const TEST_GROUP_CONFIG: GroupCoordinatorConfig = {
  groupMinSessionTimeoutMs: 1000,
  groupMaxSessionTimeoutMs: 60_000,
  groupInitialRebalanceDelayMs: 100,
  groupMaxSize: 100,
  offsetsRetentionMs: 60 * 60_000,
  offsetsRetentionCheckIntervalMs: 10 * 60_000,
  offsetMetadataMaxBytes: 100,
  newMemberJoinTimeoutMs: 5 * 60_000,
};

export interface Harness {
  coordinator: GroupCoordinator;
  backend: MemoryOffsetsBackend;
  clock: FakeScheduler;
  /** Lets promise callbacks (appends, parked answers) run. */
  settle(): Promise<void>;
  /** Advances the fake clock, then settles. */
  advance(ms: number): Promise<void>;
}

export async function harness(
  config: Partial<GroupCoordinatorConfig> = {},
  backend = new MemoryOffsetsBackend(),
  clock = new FakeScheduler(),
): Promise<Harness> {
  const coordinator = new GroupCoordinator(
    backend,
    { ...TEST_GROUP_CONFIG, ...config },
    pino({ level: process.env.GREGOR_TEST_LOG_LEVEL ?? 'silent' }),
    clock,
  );
  coordinator.start();
  for (let p = 0; p < backend.partitions; p++) void coordinator.loadShard(p);
  await coordinator.whenLoaded();
  const settle = async () => {
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
  };
  return {
    coordinator,
    backend,
    clock,
    settle,
    async advance(ms) {
      clock.advance(ms);
      await settle();
    },
  };
}

export function joinInput(groupId: string, overrides: Partial<JoinGroupInput> = {}): JoinGroupInput {
  return {
    groupId,
    memberId: '',
    groupInstanceId: null,
    clientId: 'client',
    clientHost: '/127.0.0.1',
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 30_000,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: subscription(['t1']) }],
    requireKnownMemberId: true,
    supportSkippingAssignment: false,
    reason: null,
    ...overrides,
  };
}

/** A promise with a way to tell whether it settled yet. */
export interface Tracked<T> {
  promise: Promise<T>;
  value: T | undefined;
  readonly done: boolean;
}

export function track<T>(promise: Promise<T>): Tracked<T> {
  const t: { promise: Promise<T>; value: T | undefined; done: boolean } = { promise, value: undefined, done: false };
  promise.then((v) => {
    t.value = v;
    t.done = true;
  });
  return t;
}

export type { JoinResult, Protocol, SyncResult };
