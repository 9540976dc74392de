/** `gregor topics list|create|describe|alter|delete`: what kafka-topics.sh does. */
import type { Admin } from '@gregor/client';
import { clientOptions, emit, itemErrors, timeoutFrom, unwrap, withAdmin } from '../clients.js';
import { CONNECTION_FLAGS, CONNECTION_HELP, type Command, configPairs, intFlag, parseFlags } from '../command.js';
import { ExitCode, table, UsageError, write } from '../io.js';

const TIMEOUT_FLAG = { timeout: { type: 'string' } } as const;
const TIMEOUT_HELP = '      --timeout MS                  how long to wait for the cluster (default 15000)';

function oneTopic(positionals: readonly string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`${what} needs exactly one TOPIC`);
  return positionals[0] as string;
}

export const topicsList: Command = {
  name: 'topics list',
  summary: 'list topics',
  help: `Usage: gregor topics list [--internal] [--bootstrap-server HOST:PORT] [--json]

      --internal                    include internal topics (__consumer_offsets, __transaction_state)
${TIMEOUT_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...CONNECTION_FLAGS,
      ...TIMEOUT_FLAG,
      internal: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const timeoutMs = timeoutFrom(values);
    const names = await withAdmin(clientOptions(values, io, timeoutMs), (admin) =>
      admin.listTopics({ includeInternal: values.internal === true }),
    );
    names.sort();
    await emit(io, values.json === true, names, (n) => (n.length === 0 ? '' : `${n.join('\n')}\n`));
    return ExitCode.OK;
  },
};

export const topicsCreate: Command = {
  name: 'topics create',
  summary: 'create a topic',
  help: `Usage: gregor topics create TOPIC [--partitions N] [--replication-factor N] [--config NAME=VALUE]... [--if-not-exists] [--validate-only]

      --partitions N                partitions (default: the broker's num.partitions)
      --replication-factor N        replicas per partition (default: the broker's default.replication.factor)
      --config NAME=VALUE           a topic config, e.g. cleanup.policy=compact (repeatable)
      --if-not-exists               succeed when the topic already exists
      --validate-only               have the broker check the request without creating anything
${TIMEOUT_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...CONNECTION_FLAGS,
      ...TIMEOUT_FLAG,
      partitions: { type: 'string', short: 'p' },
      'replication-factor': { type: 'string', short: 'r' },
      config: { type: 'string', multiple: true, short: 'c' },
      'if-not-exists': { type: 'boolean' },
      'validate-only': { type: 'boolean' },
    });
    const name = oneTopic(positionals, 'topics create');
    const numPartitions = intFlag('partitions', values.partitions, 1);
    const replicationFactor = intFlag('replication-factor', values['replication-factor'], 1);
    const configs = configPairs(values.config);
    const timeoutMs = timeoutFrom(values);
    try {
      await withAdmin(clientOptions(values, io, timeoutMs), (admin) =>
        admin.createTopics([{ name, numPartitions, replicationFactor, configs }], {
          validateOnly: values['validate-only'] === true,
        }),
      );
    } catch (error) {
      const exists = itemErrors(error)[0]?.type === 'TOPIC_ALREADY_EXISTS';
      if (!(exists && values['if-not-exists'] === true)) throw unwrap(error);
    }
    const verb = values['validate-only'] === true ? 'Validated' : 'Created';
    await emit(
      io,
      values.json === true,
      { topic: name, validateOnly: values['validate-only'] === true },
      () => `${verb} topic ${name}.\n`,
    );
    return ExitCode.OK;
  },
};

export const topicsDelete: Command = {
  name: 'topics delete',
  summary: 'delete topics',
  help: `Usage: gregor topics delete TOPIC... [--if-exists]

      --if-exists                   succeed when a topic does not exist
${TIMEOUT_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...CONNECTION_FLAGS,
      ...TIMEOUT_FLAG,
      'if-exists': { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('topics delete needs at least one TOPIC');
    const timeoutMs = timeoutFrom(values);
    try {
      await withAdmin(clientOptions(values, io, timeoutMs), (admin) => admin.deleteTopics(positionals));
    } catch (error) {
      const errors = itemErrors(error);
      const onlyMissing = errors.length > 0 && errors.every((e) => e.type === 'UNKNOWN_TOPIC_OR_PARTITION');
      if (!(onlyMissing && values['if-exists'] === true)) throw unwrap(error);
    }
    await emit(io, values.json === true, { deleted: positionals }, (d) => `Deleted ${d.deleted.join(', ')}.\n`);
    return ExitCode.OK;
  },
};

export const topicsAlter: Command = {
  name: 'topics alter',
  summary: "add partitions or change a topic's configs",
  help: `Usage: gregor topics alter TOPIC [--partitions N] [--config NAME=VALUE]... [--delete-config NAME]...

      --partitions N                the new partition count (partitions can only be added)
      --config NAME=VALUE           set a topic config (repeatable)
      --delete-config NAME          return a config to its default (repeatable)
      --validate-only               have the broker check the change without applying it
${TIMEOUT_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...CONNECTION_FLAGS,
      ...TIMEOUT_FLAG,
      partitions: { type: 'string', short: 'p' },
      config: { type: 'string', multiple: true, short: 'c' },
      'delete-config': { type: 'string', multiple: true },
      'validate-only': { type: 'boolean' },
    });
    const name = oneTopic(positionals, 'topics alter');
    const count = intFlag('partitions', values.partitions, 1);
    const set = configPairs(values.config);
    const remove = values['delete-config'] ?? [];
    if (count === undefined && Object.keys(set).length === 0 && remove.length === 0) {
      throw new UsageError('nothing to change: give --partitions, --config or --delete-config');
    }
    const validateOnly = values['validate-only'] === true;
    const timeoutMs = timeoutFrom(values);
    await withAdmin(clientOptions(values, io, timeoutMs), async (admin) => {
      try {
        if (count !== undefined) await admin.createPartitions([{ name, count }], { validateOnly });
        const ops = [
          ...Object.entries(set).map(([n, value]) => ({ name: n, op: 'set' as const, value })),
          ...remove.map((n) => ({ name: n, op: 'delete' as const })),
        ];
        if (ops.length > 0) await admin.incrementalAlterConfigs([{ type: 'topic', name, ops }], { validateOnly });
      } catch (error) {
        throw unwrap(error);
      }
    });
    await emit(
      io,
      values.json === true,
      { topic: name, validateOnly },
      () => `${validateOnly ? 'Validated' : 'Altered'} topic ${name}.\n`,
    );
    return ExitCode.OK;
  },
};

interface PartitionRow {
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: readonly number[];
  isr: readonly number[];
  earliestOffset: number;
  latestOffset: number;
  sizeBytes: number;
}

async function describe(admin: Admin, name: string) {
  const [topic] = await admin.describeTopics([name]).catch((error: unknown) => {
    throw unwrap(error);
  });
  if (topic === undefined) throw new UsageError(`no such topic '${name}'`);
  const partitions = topic.partitions.map((p) => ({ topic: name, partition: p.partition }));
  const [earliest, latest, configs, dirs] = await Promise.all([
    admin.listOffsets(partitions.map((p) => ({ ...p, spec: 'earliest' as const }))),
    admin.listOffsets(partitions.map((p) => ({ ...p, spec: 'latest' as const }))),
    admin.describeConfigs([{ type: 'topic', name }]),
    admin.describeLogDirs().catch(() => []),
  ]);
  const sizes = new Map<number, number>();
  for (const dir of dirs)
    for (const p of dir.partitions)
      if (p.topic === name) sizes.set(p.partition, (sizes.get(p.partition) ?? 0) + p.size);
  const rows: PartitionRow[] = topic.partitions.map((p) => ({
    partition: p.partition,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    replicas: p.replicas,
    isr: p.isr,
    earliestOffset: earliest.find((o) => o.partition === p.partition)?.offset ?? -1,
    latestOffset: latest.find((o) => o.partition === p.partition)?.offset ?? -1,
    sizeBytes: sizes.get(p.partition) ?? -1,
  }));
  const overrides: Record<string, string | null> = {};
  for (const e of configs[0]?.entries ?? []) if (e.source === 'DYNAMIC_TOPIC_CONFIG') overrides[e.name] = e.value;
  return {
    topic: topic.name,
    topicId: topic.topicId,
    isInternal: topic.isInternal,
    partitionCount: rows.length,
    replicationFactor: rows[0]?.replicas.length ?? 0,
    configs: overrides,
    partitions: rows,
  };
}

export const topicsDescribe: Command = {
  name: 'topics describe',
  summary: 'show partitions (leader, replicas, ISR, offsets, size) and configs',
  help: `Usage: gregor topics describe TOPIC... [--bootstrap-server HOST:PORT] [--json]

Shows each partition's leader, replicas, in-sync replicas, earliest and latest offsets
and size on disk, and the topic's configs that differ from the broker's defaults.
${TIMEOUT_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { ...CONNECTION_FLAGS, ...TIMEOUT_FLAG });
    if (positionals.length === 0) throw new UsageError('topics describe needs at least one TOPIC');
    const timeoutMs = timeoutFrom(values);
    const described = await withAdmin(clientOptions(values, io, timeoutMs), async (admin) => {
      const all = [];
      for (const name of positionals) all.push(await describe(admin, name));
      return all;
    });
    if (values.json === true) {
      await write(io.stdout, `${JSON.stringify(described.length === 1 ? described[0] : described, null, 2)}\n`);
      return ExitCode.OK;
    }
    for (const d of described) {
      const configs = Object.entries(d.configs).map(([k, v]) => `${k}=${v ?? ''}`);
      await write(
        io.stdout,
        `Topic: ${d.topic}  TopicId: ${d.topicId}  PartitionCount: ${d.partitionCount}  ReplicationFactor: ${d.replicationFactor}` +
          `  Configs: ${configs.length === 0 ? '-' : configs.join(',')}\n` +
          table(
            ['PARTITION', 'LEADER', 'REPLICAS', 'ISR', 'EARLIEST', 'LATEST', 'SIZE'],
            d.partitions.map((p) => [
              String(p.partition),
              String(p.leader),
              p.replicas.join(','),
              p.isr.join(','),
              String(p.earliestOffset),
              String(p.latestOffset),
              p.sizeBytes < 0 ? '-' : String(p.sizeBytes),
            ]),
          ),
      );
    }
    return ExitCode.OK;
  },
};
