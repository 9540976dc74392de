/**
 * Starting a broker in-process for tests: a fresh log directory, a free loopback port,
 * Kafka's defaults for everything else. Every test stops what it starts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogConfig } from '@gregor/storage';
import { pino } from 'pino';
import type { BrokerSettings } from './broker.js';
import { Broker } from './broker.js';

export interface TestBroker {
  broker: Broker;
  host: string;
  port: number;
  /** host:port for clients. */
  bootstrap: string;
  logDir: string;
  /** Stops the broker (and removes its directory unless `keepDir`). */
  stop(keepDir?: boolean): Promise<void>;
}

export function testSettings(logDir: string, overrides: Partial<BrokerSettings> = {}): BrokerSettings {
  return {
    nodeId: 1,
    listeners: [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 0 }],
    advertisedListeners: [],
    logDir,
    rack: null,
    numPartitions: 1,
    defaultReplicationFactor: 1,
    autoCreateTopicsEnable: true,
    deleteTopicEnable: true,
    maxRequestBytes: 104857600,
    requestMemoryBytes: 256 * 1024 * 1024,
    maxInFlightPerConnection: 500,
    connectionsMaxIdleMs: 600000,
    maxConnections: 10000,
    messageMaxBytes: 1048588,
    fetchMaxBytes: 57671680,
    durable: true,
    topicDefaults: new Map(),
    logConfigFor: (): Partial<LogConfig> => ({}),
    housekeeping: { retentionCheckMs: 300000, flushCheckMs: Number.MAX_SAFE_INTEGER, checkpointMs: 60000 },
    ...overrides,
  };
}

export async function startTestBroker(
  opts: { logDir?: string; settings?: Partial<BrokerSettings>; logLevel?: string } = {},
): Promise<TestBroker> {
  const logDir = opts.logDir ?? mkdtempSync(join(tmpdir(), 'gregor-broker-'));
  const logger = pino({ level: opts.logLevel ?? process.env.GREGOR_TEST_LOG_LEVEL ?? 'silent' });
  const broker = new Broker(testSettings(logDir, opts.settings), logger);
  const bound = await broker.start();
  const listener = bound[0];
  if (listener === undefined) throw new Error('no listener bound');
  return {
    broker,
    host: '127.0.0.1',
    port: listener.boundPort,
    bootstrap: `127.0.0.1:${listener.boundPort}`,
    logDir,
    async stop(keepDir = false) {
      await broker.stop();
      if (!keepDir && opts.logDir === undefined) rmSync(logDir, { recursive: true, force: true });
    },
  };
}
