/**
 * The `gregor` command: finds the subcommand (one or two words), prints help, and turns
 * errors into one-line messages and exit codes (see ExitCode): a usage error prints
 * the command's usage line; an operation that fails prints one sentence, no stack trace.
 */
import { ConfigError, ConnectionError, KafkaError } from '@gregor/client';
import type { Command } from './command.js';
import { clusterDescribe } from './commands/cluster.js';
import { configsDelete, configsGet, configsSet } from './commands/configs.js';
import { consume } from './commands/consume.js';
import { dumpLog } from './commands/dump-log.js';
import { groupsDelete, groupsDescribe, groupsList, groupsResetOffsets } from './commands/groups.js';
import { perfConsume, perfEndToEnd, perfProduce } from './commands/perf.js';
import { produce } from './commands/produce.js';
import { start } from './commands/start.js';
import { topicsAlter, topicsCreate, topicsDelete, topicsDescribe, topicsList } from './commands/topics.js';
import { CommandError, ExitCode, type Io, OutputClosedError, UsageError, write } from './io.js';

export const VERSION = '0.1.0';

export const COMMANDS: readonly Command[] = [
  start,
  topicsList,
  topicsCreate,
  topicsDescribe,
  topicsAlter,
  topicsDelete,
  produce,
  consume,
  groupsList,
  groupsDescribe,
  groupsResetOffsets,
  groupsDelete,
  configsGet,
  configsSet,
  configsDelete,
  clusterDescribe,
  perfProduce,
  perfConsume,
  perfEndToEnd,
  dumpLog,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: gregor COMMAND [ARGS] [--help]

Run, operate and inspect Gregor, a Kafka-compatible streaming platform.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Commands that talk to a broker take --bootstrap-server HOST:PORT (or GREGOR_BOOTSTRAP;
default localhost:9092) and --json. Exit codes: 0 done, 1 the operation failed,
2 bad usage.`;
}

/** Finds the longest command name matching the first words of `argv`. */
function findCommand(argv: readonly string[]): { command: Command; rest: readonly string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS.find((c) => c.name === name);
    if (command !== undefined) return { command, rest: argv.slice(words) };
  }
  return undefined;
}

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    await write(first === undefined ? io.stderr : io.stdout, `${overview()}\n`);
    return first === undefined ? ExitCode.USAGE : ExitCode.OK;
  }
  if (first === '--version' || first === '-V') {
    await write(io.stdout, `gregor ${VERSION}\n`);
    return ExitCode.OK;
  }
  const found = findCommand(argv);
  if (found === undefined) {
    const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
    const hint =
      group.length > 0
        ? `'gregor ${first}' needs one of: ${group.map((c) => c.name.split(' ')[1]).join(', ')}`
        : `unknown command '${first}'`;
    await write(io.stderr, `gregor: ${hint} (see gregor --help)\n`);
    return ExitCode.USAGE;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    await write(io.stdout, `${command.help}\n`);
    return ExitCode.OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // The reader of our output went away: stop quietly, as `head` expects.
    if (error instanceof OutputClosedError) return ExitCode.OK;
    if (error instanceof UsageError || error instanceof ConfigError) {
      const usage = command.help.split('\n')[0] ?? '';
      await write(io.stderr, `gregor ${command.name}: ${error.message}\n${usage}\n`);
      return ExitCode.USAGE;
    }
    if (error instanceof CommandError || error instanceof KafkaError) {
      // A connection failure reads as a sentence; Kafka errors keep their code name.
      const message =
        error instanceof ConnectionError ? error.message.replace(/^NETWORK_EXCEPTION: /, '') : error.message;
      await write(io.stderr, `gregor ${command.name}: ${message}\n`);
      return ExitCode.FAILED;
    }
    throw error;
  }
}
