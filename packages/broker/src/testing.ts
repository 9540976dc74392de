/**
 * Starting a broker in-process for tests: a fresh log directory, a free loopback port,
 * Kafka's defaults for everything else. Every test stops what it starts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { BrokerSettings } from './broker.js';
import { Broker } from './broker.js';
import { loadBrokerConfig } from './config/index.js';
import { settingsFromConfig } from './settings.js';

export interface TestBroker {
  broker: Broker;
  host: string;
  port: number;
  /** host:port for clients. */
  bootstrap: string;
  /** The bound port of every listener, by listener name. */
  ports: Readonly<Record<string, number>>;
  logDir: string;
  /** Stops the broker (and removes its directory unless `keepDir`). */
  stop(keepDir?: boolean): Promise<void>;
}

/**
 * Settings from Kafka-style config `properties` (the real configuration path), with
 * this test's log directory and a free loopback port, then `overrides` on top.
 */
export function testSettings(
  logDir: string,
  overrides: Partial<BrokerSettings> = {},
  properties: Record<string, string> = {},
): BrokerSettings {
  const { config } = loadBrokerConfig({
    env: {},
    overrides: { 'log.dirs': logDir, listeners: 'PLAINTEXT://127.0.0.1:0', ...properties },
  });
  return { ...settingsFromConfig(config), ...overrides };
}

export async function startTestBroker(
  opts: {
    logDir?: string;
    settings?: Partial<BrokerSettings>;
    /** Kafka-style config properties, e.g. { 'num.partitions': '3' }. */
    properties?: Record<string, string>;
    logLevel?: string;
  } = {},
): Promise<TestBroker> {
  const logDir = opts.logDir ?? mkdtempSync(join(tmpdir(), 'gregor-broker-'));
  const logger = pino({ level: opts.logLevel ?? process.env.GREGOR_TEST_LOG_LEVEL ?? 'silent' });
  const broker = new Broker(testSettings(logDir, opts.settings, opts.properties), logger);
  const bound = await broker.start();
  const listener = bound[0];
  if (listener === undefined) throw new Error('no listener bound');
  return {
    broker,
    host: '127.0.0.1',
    port: listener.boundPort,
    bootstrap: `127.0.0.1:${listener.boundPort}`,
    ports: Object.fromEntries(bound.map((b) => [b.name, b.boundPort])),
    logDir,
    async stop(keepDir = false) {
      await broker.stop();
      if (!keepDir && opts.logDir === undefined) rmSync(logDir, { recursive: true, force: true });
    },
  };
}
