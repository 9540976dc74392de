/**
 * `gregor produce TOPIC`: one record per input line, as kafka-console-producer.sh and
 * `kcat -P` do. Lines are split on \n and kept as bytes (no re-encoding), so any text
 * or binary without newlines round-trips exactly; with --key-separator the first
 * separator splits key from value. The whole input is one transaction with
 * --transactional-id (aborted if anything fails).
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { type HeadersInput, Producer, type ProducerOptions } from '@gregor/client';
import { clientOptions, timeoutFrom } from '../clients.js';
import { CONNECTION_FLAGS, CONNECTION_HELP, type Command, intFlag, parseFlags } from '../command.js';
import { CommandError, ExitCode, UsageError, write } from '../io.js';

const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

/**
 * Yields the input's lines as Buffers (without the \n); a last line without \n counts.
 * A line spread over many chunks is joined once, at its end (never re-copied per chunk).
 */
export async function* lines(input: Readable): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let start = 0;
    let at = chunk.indexOf(10);
    while (at !== -1) {
      if (parts.length === 0) yield chunk.subarray(start, at);
      else {
        parts.push(chunk.subarray(start, at));
        yield Buffer.concat(parts);
        parts = [];
      }
      start = at + 1;
      at = chunk.indexOf(10, start);
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  if (parts.length > 0) yield Buffer.concat(parts);
}

export const produce: Command = {
  name: 'produce',
  summary: 'produce records from lines of stdin or a file',
  help: `Usage: gregor produce TOPIC [--file FILE] [--key-separator SEP] [--header KEY=VALUE]... [--partition N]
                      [--acks 0|1|all] [--compression none|gzip|snappy|lz4|zstd] [--no-idempotence]
                      [--transactional-id ID] [--linger-ms MS]

Each line of stdin (or --file) becomes one record; the line is the value, or KEY<SEP>VALUE
with --key-separator. Bytes are sent as they are (split on \n only: a \r before it is kept).
  -f, --file FILE                   read lines from FILE instead of stdin
  -k, --key-separator SEP           split each line into key and value at the first SEP
  -H, --header KEY=VALUE            add a header to every record (repeatable)
  -p, --partition N                 send every record to partition N (default: by key, sticky without)
      --acks 0|1|all                acknowledgements (default all)
  -z, --compression CODEC           batch compression (default none)
      --no-idempotence              turn off the idempotent producer (on by default)
      --transactional-id ID         send the whole input in one transaction
      --linger-ms MS                batching delay (default 5)
      --timeout MS                  how long to wait for the cluster (default 15000)
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...CONNECTION_FLAGS,
      timeout: { type: 'string' },
      file: { type: 'string', short: 'f' },
      'key-separator': { type: 'string', short: 'k' },
      header: { type: 'string', multiple: true, short: 'H' },
      partition: { type: 'string', short: 'p' },
      acks: { type: 'string' },
      compression: { type: 'string', short: 'z' },
      'no-idempotence': { type: 'boolean' },
      'transactional-id': { type: 'string' },
      'linger-ms': { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('produce needs exactly one TOPIC');
    const topic = positionals[0] as string;
    const acksText = values.acks ?? 'all';
    if (!['0', '1', 'all', '-1'].includes(acksText))
      throw new UsageError(`--acks expects 0, 1 or all, got '${acksText}'`);
    const acks = acksText === '0' ? 0 : acksText === '1' ? 1 : -1;
    const compression = (values.compression ?? 'none') as (typeof CODECS)[number];
    if (!CODECS.includes(compression))
      throw new UsageError(`--compression expects one of ${CODECS.join(', ')}, got '${compression}'`);
    const partition = intFlag('partition', values.partition, 0);
    const lingerMs = intFlag('linger-ms', values['linger-ms'], 0);
    const timeoutMs = timeoutFrom(values);
    const separator = values['key-separator'];
    if (separator === '') throw new UsageError('--key-separator must not be empty');
    const sep = separator === undefined ? null : Buffer.from(separator, 'utf8');
    const headers: { key: string; value: Buffer }[] = [];
    for (const h of values.header ?? []) {
      const eq = h.indexOf('=');
      if (eq <= 0) throw new UsageError(`--header expects KEY=VALUE, got '${h}'`);
      headers.push({ key: h.slice(0, eq), value: Buffer.from(h.slice(eq + 1), 'utf8') });
    }
    const idempotent = values['no-idempotence'] !== true;
    const transactionalId = values['transactional-id'];
    if (transactionalId !== undefined && !idempotent) throw new UsageError('--transactional-id needs idempotence');
    if (acks !== -1 && transactionalId !== undefined) throw new UsageError('--transactional-id needs --acks all');
    const options: ProducerOptions = {
      ...clientOptions(values, io, timeoutMs),
      acks,
      compression,
      enableIdempotence: idempotent && acks === -1,
      maxBlockMs: timeoutMs,
      deliveryTimeoutMs: Math.max(timeoutMs, 30_000),
      ...(lingerMs === undefined ? {} : { lingerMs }),
      ...(transactionalId === undefined ? {} : { transactionalId }),
    };
    let input: Readable = io.stdin;
    if (values.file !== undefined) {
      input = createReadStream(values.file);
      await new Promise<void>((resolve, reject) => {
        input.once('readable', resolve);
        input.once('error', (e: NodeJS.ErrnoException) =>
          reject(new CommandError(`cannot read ${values.file}: ${e.code ?? e.message}`)),
        );
      });
    }
    const producer = new Producer(options);
    let count = 0;
    let failure: unknown = null;
    try {
      if (transactionalId !== undefined) {
        await producer.initTransactions();
        producer.beginTransaction();
      }
      const recordHeaders: HeadersInput | undefined = headers.length === 0 ? undefined : headers;
      const pending: Promise<unknown>[] = [];
      for await (const line of lines(input)) {
        let key: Buffer | null = null;
        let value: Buffer = line;
        if (sep !== null) {
          const at = line.indexOf(sep);
          if (at >= 0) {
            key = line.subarray(0, at);
            value = line.subarray(at + sep.length);
          }
        }
        const sent = producer.send({
          topic,
          key,
          value,
          ...(partition === undefined ? {} : { partition }),
          ...(recordHeaders === undefined ? {} : { headers: recordHeaders }),
        });
        sent.catch(() => {});
        pending.push(sent);
        count++;
        // Bound what is held here; the producer's own buffer.memory bounds the rest.
        if (pending.length >= 10_000) await Promise.all(pending.splice(0));
      }
      await Promise.all(pending);
      if (transactionalId !== undefined) await producer.commitTransaction();
    } catch (error) {
      failure = error;
      if (transactionalId !== undefined) await producer.abortTransaction().catch(() => {});
    } finally {
      await producer.close().catch(() => {});
    }
    if (failure !== null) throw failure;
    if (values.json === true) await write(io.stdout, `${JSON.stringify({ topic, records: count })}\n`);
    else await write(io.stderr, `Produced ${count} record${count === 1 ? '' : 's'} to ${topic}.\n`);
    return ExitCode.OK;
  },
};
