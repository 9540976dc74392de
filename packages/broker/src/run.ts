/** Running a broker from command-line arguments: `gregor-broker` and `gregor start`. */
import { pino } from 'pino';
import { Broker } from './broker.js';
import type { Arguments } from './cli-args.js';
import { parseArguments, USAGE, UsageError } from './cli-args.js';
import { ConfigError, loadBrokerConfig } from './config/index.js';
import { settingsFromConfig } from './settings.js';

/**
 * Runs a broker until SIGTERM or SIGINT; resolves with the process exit code (0 after a
 * clean stop, 1 on failure, 2 on a usage or configuration error). `name` prefixes messages.
 */
export async function runBroker(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
  name = 'gregor-broker',
): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(argv, env);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(
        `${e.message === '' ? '' : `${name}: ${e.message}\n`}${USAGE.replace('gregor-broker', name)}\n`,
      );
      return e.message === '' ? 0 : 2;
    }
    throw e;
  }
  const logger = pino({ level: env.GREGOR_LOG_LEVEL ?? 'info', base: { pid: process.pid } });
  let broker: Broker;
  try {
    const { config, warnings } = loadBrokerConfig({
      ...(args.file === undefined ? {} : { file: args.file }),
      overrides: args.overrides,
      env,
    });
    for (const w of warnings) logger.warn(w);
    broker = new Broker(settingsFromConfig(config), logger);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${name}: ${e.message}\n`);
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
    // The node cannot go on (its metadata quorum stopped on a fatal error): it is
    // stopping; exit with a failure once it has.
    broker.onFatal = () => {
      broker.stop().then(
        () => resolve(1),
        () => resolve(1),
      );
    };
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
