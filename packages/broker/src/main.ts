#!/usr/bin/env node
/**
 * gregor-broker: starts a broker, as Kafka's `kafka-server-start.sh server.properties
 * --override name=value` does.
 *
 *   gregor-broker [server.properties] [--config FILE] [--override NAME=VALUE]...
 *                 [--data-dir DIR] [--port PORT]
 *
 * Configuration precedence: Kafka's defaults < the properties file (also GREGOR_CONFIG)
 * < GREGOR_* environment variables (GREGOR_LOG_DIRS → log.dirs; `__` for `_`, `___` for
 * `-`) < --override, --data-dir (log.dirs) and --port (listeners=PLAINTEXT://:PORT).
 * Every unknown or invalid setting is named in one error at start (exit code 2).
 * Logs are JSON lines on stdout (pino); GREGOR_LOG_LEVEL sets the level (info).
 * SIGTERM or SIGINT stops it cleanly: listeners closed, logs flushed, clean-shutdown
 * markers written; a second signal exits at once.
 */
import { pino } from 'pino';
import { Broker } from './broker.js';
import type { Arguments } from './cli-args.js';
import { parseArguments, USAGE, UsageError } from './cli-args.js';
import { ConfigError, loadBrokerConfig } from './config/index.js';
import { settingsFromConfig } from './settings.js';

async function main(): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(process.argv.slice(2), process.env);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message === '' ? '' : `gregor-broker: ${e.message}\n`}${USAGE}\n`);
      return e.message === '' ? 0 : 2;
    }
    throw e;
  }
  const logger = pino({ level: process.env.GREGOR_LOG_LEVEL ?? 'info', base: { pid: process.pid } });
  let broker: Broker;
  try {
    const { config, warnings } = loadBrokerConfig({
      ...(args.file === undefined ? {} : { file: args.file }),
      overrides: args.overrides,
      env: process.env,
    });
    for (const w of warnings) logger.warn(w);
    broker = new Broker(settingsFromConfig(config), logger);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`gregor-broker: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let signals = 0;
  const stopped = new Promise<number>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      signals++;
      if (signals > 1) {
        logger.warn({ signal }, 'second signal: exiting without a clean shutdown');
        process.exit(1);
      }
      logger.info({ signal }, 'shutting down');
      broker.stop().then(
        () => resolve(0),
        (e: unknown) => {
          logger.error({ err: e }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  try {
    await broker.start();
  } catch (e) {
    logger.fatal({ err: e }, 'broker failed to start');
    await broker.stop().catch(() => undefined);
    return 1;
  }
  return stopped;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`gregor-broker: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
