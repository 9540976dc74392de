/** `gregor start`: a broker in this process, as `npm start` runs it. */
import { runBroker } from '@gregor/broker';
import type { Command } from '../command.js';

export const start: Command = {
  name: 'start',
  summary: 'run a broker (single node: localhost:9092, data in ./data)',
  help: `Usage: gregor start [server.properties] [--config FILE] [--override NAME=VALUE]... [--data-dir DIR] [--port PORT]

Runs a broker until Ctrl-C or SIGTERM (a clean shutdown). Configuration is Kafka's:
Kafka's defaults < the properties file (or GREGOR_CONFIG) < GREGOR_* environment
variables (GREGOR_NUM_PARTITIONS=3) < --override, --data-dir and --port.
Logs are JSON lines on stdout; GREGOR_LOG_LEVEL sets the level (info).`,
  run(argv, io) {
    return runBroker(argv, io.env, 'gregor start');
  },
};
