/** `gregor groups list|describe|reset-offsets|delete`: what kafka-consumer-groups.sh does. */
import type { ResetTarget, TopicPartition } from '@gregor/client';
import { clientOptions, emit, timeoutFrom, unwrap, withAdmin } from '../clients.js';
import { CONNECTION_FLAGS, CONNECTION_HELP, type Command, intFlag, parseFlags } from '../command.js';
import { ExitCode, table, UsageError, write } from '../io.js';

const TIMEOUT = { timeout: { type: 'string' } } as const;
const TIMEOUT_HELP = '      --timeout MS                  how long to wait for the cluster (default 15000)';

export const groupsList: Command = {
  name: 'groups list',
  summary: 'list consumer groups',
  help: `Usage: gregor groups list [--state STATE]... [--bootstrap-server HOST:PORT] [--json]

      --state STATE                 only groups in this state (Stable, Empty, PreparingRebalance, ...; repeatable)
${TIMEOUT_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...CONNECTION_FLAGS,
      ...TIMEOUT,
      state: { type: 'string', multiple: true },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const timeoutMs = timeoutFrom(values);
    const groups = await withAdmin(clientOptions(values, io, timeoutMs), (admin) =>
      admin.listGroups(values.state === undefined ? {} : { states: values.state }),
    );
    groups.sort((a, b) => a.groupId.localeCompare(b.groupId));
    await emit(io, values.json === true, groups, (g) =>
      g.length === 0
        ? ''
        : table(
            ['GROUP', 'STATE', 'PROTOCOL TYPE'],
            g.map((x) => [x.groupId, x.state, x.protocolType]),
          ),
    );
    return ExitCode.OK;
  },
};

export const groupsDescribe: Command = {
  name: 'groups describe',
  summary: 'show members, assignments and lag per partition',
  help: `Usage: gregor groups describe GROUP... [--bootstrap-server HOST:PORT] [--json]

Shows the group's state and assignor, then one line per partition with a committed
offset or an owner: the committed offset, the log end offset, the lag, and the member
that owns it.
${TIMEOUT_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { ...CONNECTION_FLAGS, ...TIMEOUT });
    if (positionals.length === 0) throw new UsageError('groups describe needs at least one GROUP');
    const timeoutMs = timeoutFrom(values);
    const described = await withAdmin(clientOptions(values, io, timeoutMs), async (admin) => {
      const groups = await admin.describeGroups(positionals).catch((error: unknown) => {
        throw unwrap(error);
      });
      const out = [];
      for (const g of groups) {
        const owners = new Map<
          string,
          { memberId: string; clientId: string; host: string; instanceId: string | null }
        >();
        const assigned: TopicPartition[] = [];
        for (const m of g.members) {
          for (const tp of m.assignment) {
            owners.set(`${tp.topic}:${tp.partition}`, {
              memberId: m.memberId,
              clientId: m.clientId,
              host: m.clientHost,
              instanceId: m.groupInstanceId,
            });
            assigned.push(tp);
          }
        }
        const committed = g.state === 'Dead' ? [] : await admin.listGroupOffsets(g.groupId);
        const seen = new Set(committed.map((o) => `${o.topic}:${o.partition}`));
        const extra = assigned.filter((tp) => !seen.has(`${tp.topic}:${tp.partition}`));
        const uncommitted = extra.length === 0 ? [] : await admin.listGroupOffsets(g.groupId, { partitions: extra });
        const partitions = [...committed, ...uncommitted]
          .map((o) => {
            const owner = owners.get(`${o.topic}:${o.partition}`);
            return {
              topic: o.topic,
              partition: o.partition,
              currentOffset: o.offset,
              logEndOffset: o.logEndOffset,
              lag: o.lag,
              memberId: owner?.memberId ?? null,
              clientId: owner?.clientId ?? null,
              host: owner?.host ?? null,
            };
          })
          .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
        out.push({
          groupId: g.groupId,
          state: g.state,
          protocolType: g.protocolType,
          assignor: g.protocol,
          members: g.members.map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            clientId: m.clientId,
            host: m.clientHost,
            assignment: m.assignment,
          })),
          partitions,
        });
      }
      return out;
    });
    if (values.json === true) {
      await write(io.stdout, `${JSON.stringify(described.length === 1 ? described[0] : described, null, 2)}\n`);
      return ExitCode.OK;
    }
    for (const g of described) {
      let text = `Group: ${g.groupId}  State: ${g.state}  Assignor: ${g.assignor || '-'}  Members: ${g.members.length}\n`;
      if (g.partitions.length > 0) {
        text += table(
          ['TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'],
          g.partitions.map((p) => [
            p.topic,
            String(p.partition),
            p.currentOffset < 0 ? '-' : String(p.currentOffset),
            p.logEndOffset < 0 ? '-' : String(p.logEndOffset),
            p.lag < 0 ? '-' : String(p.lag),
            p.memberId ?? '-',
            p.host ?? '-',
            p.clientId ?? '-',
          ]),
        );
      }
      await write(io.stdout, text);
    }
    return ExitCode.OK;
  },
};

/** Parses an ISO-8601 date-time (or epoch milliseconds) for --to-datetime. */
function parseDateTime(text: string): number {
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(ms))
    throw new UsageError(`--to-datetime expects an ISO-8601 time (2024-01-31T12:00:00Z) or epoch ms, got '${text}'`);
  return ms;
}

export const groupsResetOffsets: Command = {
  name: 'groups reset-offsets',
  summary: "move an inactive group's committed offsets (with a dry run)",
  help: `Usage: gregor groups reset-offsets GROUP --topic TOPIC[:PARTITION,...]... (--to-earliest | --to-latest
                      | --to-offset N | --to-datetime TIME | --shift-by N) [--dry-run]

Commits new offsets for a group that has no active members (Empty or Dead), as
kafka-consumer-groups.sh --reset-offsets --execute does; --dry-run only prints them.
  -t, --topic TOPIC[:P,P]           a topic, or some of its partitions (repeatable)
      --to-earliest                 the log start
      --to-latest                   the log end
      --to-offset N                 offset N (kept inside [earliest, latest])
      --to-datetime TIME            the first record at or after TIME (ISO-8601 or epoch ms)
      --shift-by N                  the committed offset plus N (negative to go back)
      --dry-run                     print the new offsets without committing them
${TIMEOUT_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...CONNECTION_FLAGS,
      ...TIMEOUT,
      topic: { type: 'string', multiple: true, short: 't' },
      'to-earliest': { type: 'boolean' },
      'to-latest': { type: 'boolean' },
      'to-offset': { type: 'string' },
      'to-datetime': { type: 'string' },
      'shift-by': { type: 'string' },
      'dry-run': { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('reset-offsets needs exactly one GROUP');
    const groupId = positionals[0] as string;
    const targets: ResetTarget[] = [];
    if (values['to-earliest'] === true) targets.push('earliest');
    if (values['to-latest'] === true) targets.push('latest');
    if (values['to-offset'] !== undefined)
      targets.push({ offset: intFlag('to-offset', values['to-offset'], 0) as number });
    if (values['to-datetime'] !== undefined) targets.push({ timestamp: parseDateTime(values['to-datetime']) });
    if (values['shift-by'] !== undefined) targets.push({ shiftBy: intFlag('shift-by', values['shift-by']) as number });
    if (targets.length !== 1) {
      throw new UsageError('give exactly one of --to-earliest, --to-latest, --to-offset, --to-datetime, --shift-by');
    }
    const topicSpecs = values.topic ?? [];
    if (topicSpecs.length === 0) throw new UsageError('give at least one --topic');
    const names: string[] = [];
    const partitions: TopicPartition[] = [];
    for (const spec of topicSpecs) {
      const colon = spec.lastIndexOf(':');
      if (colon < 0) names.push(spec);
      else {
        const topic = spec.slice(0, colon);
        for (const p of spec.slice(colon + 1).split(','))
          partitions.push({ topic, partition: intFlag('topic', p, 0) as number });
      }
    }
    if (names.length > 0 && partitions.length > 0)
      throw new UsageError('give --topic as whole topics or as TOPIC:PARTITIONS, not both');
    const dryRun = values['dry-run'] === true;
    const timeoutMs = timeoutFrom(values);
    const result = await withAdmin(clientOptions(values, io, timeoutMs), (admin) =>
      admin.resetGroupOffsets(groupId, {
        topics: names.length > 0 ? names : partitions,
        to: targets[0] as ResetTarget,
        dryRun,
      }),
    );
    result.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    await emit(
      io,
      values.json === true,
      { groupId, dryRun, offsets: result },
      (r) =>
        table(
          ['TOPIC', 'PARTITION', 'PREVIOUS-OFFSET', 'NEW-OFFSET'],
          r.offsets.map((o) => [
            o.topic,
            String(o.partition),
            o.previous === null ? '-' : String(o.previous),
            String(o.offset),
          ]),
        ) + (dryRun ? '(dry run: nothing committed)\n' : ''),
    );
    return ExitCode.OK;
  },
};

export const groupsDelete: Command = {
  name: 'groups delete',
  summary: 'delete inactive consumer groups and their offsets',
  help: `Usage: gregor groups delete GROUP... [--bootstrap-server HOST:PORT]

Deletes groups with no active members, with their committed offsets.
${TIMEOUT_HELP}
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { ...CONNECTION_FLAGS, ...TIMEOUT });
    if (positionals.length === 0) throw new UsageError('groups delete needs at least one GROUP');
    const timeoutMs = timeoutFrom(values);
    await withAdmin(clientOptions(values, io, timeoutMs), (admin) =>
      admin.deleteGroups(positionals).catch((error: unknown) => {
        throw unwrap(error);
      }),
    );
    await emit(io, values.json === true, { deleted: positionals }, (d) => `Deleted ${d.deleted.join(', ')}.\n`);
    return ExitCode.OK;
  },
};
