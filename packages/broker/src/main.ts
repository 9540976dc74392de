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
import { runBroker } from './run.js';

runBroker(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`gregor-broker: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
