/**
 * `gregor consume TOPIC`: what kafka-console-consumer.sh and `kcat -C` do. Without
 * --group the partitions are assigned directly (all, or those given with --partition);
 * with --group the consumer joins the group and commits what it prints.
 *
 * Output formats: the value alone (default, bytes as they are, one record per line),
 * JSON lines, or a template with {topic} {partition} {offset} {timestamp} {key} {value}
 * {headers} and the escapes \t \n \\.
 */
import { Admin, Consumer, type ConsumerOptions, type ConsumerRecord, type TopicPartition } from '@gregor/client';
import { clientOptions, timeoutFrom, unwrap } from '../clients.js';
import { CONNECTION_FLAGS, CONNECTION_HELP, type Command, intFlag, parseFlags } from '../command.js';
import { ExitCode, OutputClosedError, UsageError, write } from '../io.js';

type Raw = ConsumerRecord<Buffer | null, Buffer | null>;

const PLACEHOLDERS = ['topic', 'partition', 'offset', 'timestamp', 'key', 'value', 'headers'] as const;

/** Turns a --format template into a function from record to output bytes. */
export function compileTemplate(template: string): (r: Raw) => Buffer {
  const text = template.replace(/\\(t|n|\\)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : '\\'));
  const parts: Array<string | (typeof PLACEHOLDERS)[number]> = [];
  const re = /\{([a-z]+)\}/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const name = m[1] as (typeof PLACEHOLDERS)[number];
    if (!PLACEHOLDERS.includes(name))
      throw new UsageError(
        `--format: unknown placeholder {${name}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')})`,
      );
    parts.push(text.slice(last, m.index), name);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return (r) => {
    const chunks: Buffer[] = [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      if (i % 2 === 0) {
        if (p !== '') chunks.push(Buffer.from(p, 'utf8'));
        continue;
      }
      switch (p) {
        case 'key':
          if (r.key !== null) chunks.push(r.key);
          break;
        case 'value':
          if (r.value !== null) chunks.push(r.value);
          break;
        case 'headers':
          chunks.push(
            Buffer.from(r.headers.map((h) => `${h.key}=${h.value?.toString('utf8') ?? ''}`).join(','), 'utf8'),
          );
          break;
        default:
          chunks.push(Buffer.from(String(r[p as 'topic' | 'partition' | 'offset' | 'timestamp']), 'utf8'));
      }
    }
    return Buffer.concat(chunks);
  };
}

function jsonLine(r: Raw): Buffer {
  return Buffer.from(
    `${JSON.stringify({
      topic: r.topic,
      partition: r.partition,
      offset: r.offset,
      timestamp: r.timestamp,
      timestampType: r.timestampType,
      key: r.key?.toString('utf8') ?? null,
      value: r.value?.toString('utf8') ?? null,
      headers: r.headers.map((h) => ({ key: h.key, value: h.value?.toString('utf8') ?? null })),
    })}\n`,
    'utf8',
  );
}

const NEWLINE = Buffer.from('\n');

/** Parses --from-time: ISO-8601 or epoch milliseconds. */
function parseTime(text: string): number {
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(ms)) throw new UsageError(`--from-time expects an ISO-8601 time or epoch ms, got '${text}'`);
  return ms;
}

export const consume: Command = {
  name: 'consume',
  summary: 'print records from a topic',
  help: `Usage: gregor consume TOPIC [--group GROUP] [--partition N]... [--offset beginning|end|N | --from-time TIME]
                      [--max-messages N] [--exit-at-end] [--read-committed] [--format value|json|TEMPLATE]

Prints the topic's records, one per line. Stops after --max-messages, at the end of the
topic with --exit-at-end, after --idle-timeout without records, on Ctrl-C or SIGTERM, or
when the reader of its output goes away (| head); exit code 0 in each case.
  -g, --group GROUP                 join this consumer group (and commit what is printed)
  -p, --partition N                 only this partition (repeatable; not with --group)
  -o, --offset WHERE                beginning, end or an offset (default: end; with --group:
                                    the committed offset, else this)
      --from-beginning              the same as --offset beginning
      --from-time TIME              start at the first record at or after TIME (ISO-8601 or epoch ms)
  -n, --max-messages N              stop after N records
  -e, --exit-at-end                 stop once every partition (with --group: every partition this
                                    member holds) is read up to its end as of the start
      --idle-timeout MS             stop after MS without a record
      --read-committed              only committed transactional records (isolation.level=read_committed)
  -f, --format FORMAT               value (default), json, or a template such as
                                    '{partition}:{offset} {key}={value} [{headers}]\\n' (no newline is added)
      --timeout MS                  how long to wait for the cluster (default 15000)
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...CONNECTION_FLAGS,
      timeout: { type: 'string' },
      group: { type: 'string', short: 'g' },
      partition: { type: 'string', multiple: true, short: 'p' },
      offset: { type: 'string', short: 'o' },
      'from-beginning': { type: 'boolean' },
      'from-time': { type: 'string' },
      'max-messages': { type: 'string', short: 'n' },
      'exit-at-end': { type: 'boolean', short: 'e' },
      'idle-timeout': { type: 'string' },
      'read-committed': { type: 'boolean' },
      format: { type: 'string', short: 'f' },
    });
    if (positionals.length !== 1) throw new UsageError('consume needs exactly one TOPIC');
    const topic = positionals[0] as string;
    const group = values.group;
    const partitionsWanted = (values.partition ?? []).map((p) => intFlag('partition', p, 0) as number);
    if (group !== undefined && partitionsWanted.length > 0)
      throw new UsageError('--partition cannot be used with --group');
    let where =
      values['from-beginning'] === true ? 'beginning' : (values.offset ?? (group === undefined ? 'end' : undefined));
    if (values['from-beginning'] === true && values.offset !== undefined)
      throw new UsageError('give --from-beginning or --offset, not both');
    const fromTime = values['from-time'] === undefined ? undefined : parseTime(values['from-time']);
    if (fromTime !== undefined && (values.offset !== undefined || values['from-beginning'] === true))
      throw new UsageError('give --offset (or --from-beginning) or --from-time, not both');
    if (fromTime !== undefined) where = undefined;
    if (where !== undefined && where !== 'beginning' && where !== 'end' && !/^\d+$/.test(where)) {
      throw new UsageError(`--offset expects beginning, end or an offset, got '${where}'`);
    }
    const startOffset =
      where === undefined || where === 'beginning' || where === 'end' ? undefined : intFlag('offset', where, 0);
    if (group !== undefined && startOffset !== undefined)
      throw new UsageError('--offset N cannot be used with --group (reset the group instead)');
    const maxMessages = intFlag('max-messages', values['max-messages'], 1);
    const idleTimeoutMs = intFlag('idle-timeout', values['idle-timeout'], 1);
    const timeoutMs = timeoutFrom(values);
    if (values.json === true && values.format !== undefined) throw new UsageError('give --json or --format, not both');
    const format = values.json === true ? 'json' : (values.format ?? 'value');
    const render = format === 'value' ? null : format === 'json' ? jsonLine : compileTemplate(format);

    const base = clientOptions(values, io, timeoutMs);
    const admin = new Admin(base);
    let partitions: TopicPartition[];
    let ends: Map<number, number> | null = null;
    let starts: Map<number, number> | null = null;
    try {
      const [described] = await admin.describeTopics([topic]).catch((error: unknown) => {
        throw unwrap(error);
      });
      const all = (described?.partitions ?? []).map((p) => p.partition);
      for (const p of partitionsWanted) {
        if (!all.includes(p)) throw new UsageError(`topic '${topic}' has no partition ${p} (it has ${all.length})`);
      }
      partitions = (partitionsWanted.length > 0 ? partitionsWanted : all).map((partition) => ({ topic, partition }));
      if (values['exit-at-end'] === true) {
        const latest = await admin.listOffsets(
          partitions.map((p) => ({ ...p, spec: 'latest' as const })),
          {
            isolationLevel: values['read-committed'] === true ? 'read_committed' : 'read_uncommitted',
          },
        );
        ends = new Map(latest.map((o) => [o.partition, o.offset]));
      }
      if (fromTime !== undefined) {
        const found = await admin.listOffsets(partitions.map((p) => ({ ...p, spec: { timestamp: fromTime } })));
        const latest = await admin.listOffsets(partitions.map((p) => ({ ...p, spec: 'latest' as const })));
        starts = new Map(
          found.map((o) => [
            o.partition,
            o.offset >= 0 ? o.offset : (latest.find((l) => l.partition === o.partition)?.offset ?? 0),
          ]),
        );
      }
    } finally {
      await admin.close();
    }

    const options: ConsumerOptions = {
      ...base,
      autoOffsetReset: where === 'beginning' ? 'earliest' : 'latest',
      isolationLevel: values['read-committed'] === true ? 'read_committed' : 'read_uncommitted',
      enableAutoCommit: false,
      maxPollRecords: 10_000,
      ...(group === undefined ? {} : { groupId: group }),
    };
    const consumer = new Consumer(options);
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let printed = 0;
    let outputClosed = false;
    // With --group, exactly what was printed is committed (not the rest of a poll).
    const next = new Map<number, number>();
    const commitPrinted = async (): Promise<void> => {
      const offsets = [...next].map(([partition, offset]) => ({ topic, partition, offset }));
      next.clear();
      await consumer.commit(offsets);
    };
    try {
      if (group === undefined) {
        consumer.assign(partitions);
        for (const tp of partitions) {
          const at = starts?.get(tp.partition) ?? startOffset;
          if (at !== undefined) consumer.seek(tp, at);
        }
        if (where === 'beginning') consumer.seekToBeginning(partitions);
        else if (where === 'end' && startOffset === undefined && starts === null) consumer.seekToEnd(partitions);
      } else {
        consumer.subscribe([topic], {
          onPartitionsAssigned: (assigned) => {
            for (const tp of assigned) {
              const at = starts?.get(tp.partition);
              if (at !== undefined) consumer.seek(tp, at);
            }
          },
        });
      }
      let lastRecordAt = Date.now();
      const done = (): boolean => {
        if (maxMessages !== undefined && printed >= maxMessages) return true;
        if (idleTimeoutMs !== undefined && Date.now() - lastRecordAt >= idleTimeoutMs) return true;
        if (ends !== null) {
          // In a group, the end is that of the partitions this member holds (as kcat -G -e):
          // the others are read by other members.
          const held = group === undefined ? null : new Set(consumer.assignment().map((tp) => tp.partition));
          if (held !== null && held.size === 0) return false;
          for (const [partition, end] of ends) {
            if (held !== null && !held.has(partition)) continue;
            let position: number;
            try {
              position = consumer.position({ topic, partition });
            } catch {
              // No position yet (still being looked up): done only if there is nothing to read.
              if (end <= 0) continue;
              return false;
            }
            if (position < end) return false;
          }
          return true;
        }
        return false;
      };
      while (!stop.signal.aborted && !done()) {
        const records = (await consumer.poll({ timeoutMs: 200, signal: stop.signal }).catch((error: unknown) => {
          if (stop.signal.aborted) return [];
          throw error;
        })) as Raw[];
        if (records.length > 0) lastRecordAt = Date.now();
        for (const r of records) {
          if (maxMessages !== undefined && printed >= maxMessages) break;
          const out = render === null ? (r.value === null ? NEWLINE : Buffer.concat([r.value, NEWLINE])) : render(r);
          try {
            await write(io.stdout, out);
          } catch (error) {
            if (!(error instanceof OutputClosedError)) throw error;
            // The reader went away (`| head`): stop, committing what it was given.
            outputClosed = true;
            break;
          }
          printed++;
          next.set(r.partition, r.offset + 1);
        }
        if (group !== undefined && next.size > 0) await commitPrinted();
        if (outputClosed) break;
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await consumer.close();
    }
    io.stderr.write(`Consumed ${printed} record${printed === 1 ? '' : 's'}.\n`);
    return ExitCode.OK;
  },
};
