/**
 * `gregor configs get|set|delete`: what kafka-configs.sh does for topics and brokers.
 * A resource is `--topic NAME`, `--broker ID` or `--broker-defaults` (the cluster-wide
 * dynamic default).
 */
import type { ConfigResourceType } from '@gregor/client';
import { clientOptions, timeoutFrom, unwrap, withAdmin } from '../clients.js';
import { CONNECTION_FLAGS, CONNECTION_HELP, type Command, configPairs, intFlag, parseFlags } from '../command.js';
import { ExitCode, table, UsageError, write } from '../io.js';

const RESOURCE_FLAGS = {
  topic: { type: 'string', short: 't' },
  broker: { type: 'string' },
  'broker-defaults': { type: 'boolean' },
  timeout: { type: 'string' },
} as const;

const RESOURCE_HELP = `  -t, --topic NAME                  a topic's configs
      --broker ID                   a broker's configs
      --broker-defaults             the cluster-wide broker defaults
      --timeout MS                  how long to wait for the cluster (default 15000)`;

function resource(values: {
  topic?: string | undefined;
  broker?: string | undefined;
  'broker-defaults'?: boolean | undefined;
}): {
  type: ConfigResourceType;
  name: string;
} {
  const given = [values.topic !== undefined, values.broker !== undefined, values['broker-defaults'] === true].filter(
    Boolean,
  ).length;
  if (given !== 1) throw new UsageError('give exactly one of --topic, --broker or --broker-defaults');
  if (values.topic !== undefined) return { type: 'topic', name: values.topic };
  if (values.broker !== undefined) return { type: 'broker', name: String(intFlag('broker', values.broker, 0)) };
  return { type: 'broker', name: '' };
}

export const configsGet: Command = {
  name: 'configs get',
  summary: 'show the configs of a topic or broker',
  help: `Usage: gregor configs get (--topic NAME | --broker ID | --broker-defaults) [--all] [NAME...]

Shows the configs set on the resource (with --all: every config with its value and
where it comes from). NAMEs limit the output to those configs.
      --all                         also show configs at their defaults
${RESOURCE_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...CONNECTION_FLAGS,
      ...RESOURCE_FLAGS,
      all: { type: 'boolean' },
    });
    const r = resource(values);
    const timeoutMs = timeoutFrom(values);
    const [described] = await withAdmin(clientOptions(values, io, timeoutMs), (admin) =>
      admin
        .describeConfigs([{ ...r, ...(positionals.length > 0 ? { configNames: positionals } : {}) }])
        .catch((error: unknown) => {
          throw unwrap(error);
        }),
    );
    const entries = (described?.entries ?? [])
      .filter((e) => values.all === true || positionals.length > 0 || !e.isDefault)
      .map((e) => ({
        name: e.name,
        value: e.isSensitive ? null : e.value,
        source: e.source,
        readOnly: e.isReadOnly,
        sensitive: e.isSensitive,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (values.json === true) {
      await write(io.stdout, `${JSON.stringify({ ...r, configs: entries }, null, 2)}\n`);
    } else if (entries.length > 0) {
      await write(
        io.stdout,
        table(
          ['NAME', 'VALUE', 'SOURCE'],
          entries.map((e) => [e.name, e.sensitive ? '(sensitive)' : (e.value ?? ''), e.source]),
        ),
      );
    }
    return ExitCode.OK;
  },
};

export const configsSet: Command = {
  name: 'configs set',
  summary: 'set configs of a topic or broker',
  help: `Usage: gregor configs set (--topic NAME | --broker ID | --broker-defaults) NAME=VALUE... [--validate-only]

      --validate-only               have the broker check the change without applying it
${RESOURCE_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...CONNECTION_FLAGS,
      ...RESOURCE_FLAGS,
      'validate-only': { type: 'boolean' },
    });
    const r = resource(values);
    if (positionals.length === 0) throw new UsageError('configs set needs at least one NAME=VALUE');
    const ops = Object.entries(configPairs(positionals, 'configs set')).map(([name, value]) => ({
      name,
      op: 'set' as const,
      value,
    }));
    return alter(io, values, r, ops, values['validate-only'] === true);
  },
};

export const configsDelete: Command = {
  name: 'configs delete',
  summary: 'return configs of a topic or broker to their defaults',
  help: `Usage: gregor configs delete (--topic NAME | --broker ID | --broker-defaults) NAME... [--validate-only]

      --validate-only               have the broker check the change without applying it
${RESOURCE_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...CONNECTION_FLAGS,
      ...RESOURCE_FLAGS,
      'validate-only': { type: 'boolean' },
    });
    const r = resource(values);
    if (positionals.length === 0) throw new UsageError('configs delete needs at least one NAME');
    const ops = positionals.map((name) => ({ name, op: 'delete' as const }));
    return alter(io, values, r, ops, values['validate-only'] === true);
  },
};

async function alter(
  io: Parameters<Command['run']>[1],
  values: { 'bootstrap-server'?: string | undefined; timeout?: string | undefined; json?: boolean | undefined },
  r: { type: ConfigResourceType; name: string },
  ops: { name: string; op: 'set' | 'delete'; value?: string }[],
  validateOnly: boolean,
): Promise<number> {
  const timeoutMs = timeoutFrom(values);
  await withAdmin(clientOptions(values, io, timeoutMs), (admin) =>
    admin.incrementalAlterConfigs([{ ...r, ops }], { validateOnly }).catch((error: unknown) => {
      throw unwrap(error);
    }),
  );
  const what = r.type === 'topic' ? `topic ${r.name}` : r.name === '' ? 'the broker defaults' : `broker ${r.name}`;
  if (values.json === true)
    await write(io.stdout, `${JSON.stringify({ ...r, validateOnly, changed: ops.map((o) => o.name) })}\n`);
  else
    await write(
      io.stdout,
      `${validateOnly ? 'Validated' : 'Updated'} ${ops.map((o) => o.name).join(', ')} of ${what}.\n`,
    );
  return ExitCode.OK;
}
