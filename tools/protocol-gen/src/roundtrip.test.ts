/**
 * Round trip of every generated message at every valid version: seeded random values
 * (fast-check) for every field that exists in the version, nulls where the version
 * allows them, tagged fields, and unknown tagged fields in flexible versions. Each value
 * is encoded, decoded to an equal object, and re-encoded to identical bytes.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { MessageClass } from '@gregor/protocol';
import { decodeMessage, encodeMessage } from '@gregor/protocol';
import fc from 'fast-check';
import { kebabCase } from './main.js';
import type { FieldModel, MessageModel, ScalarKind, StructModel } from './model.js';
import { buildModel } from './model.js';
import { loadMessage } from './schema.js';

const SPEC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/kafka-protocol');
const SEED = Number(process.env.ROUNDTRIP_SEED ?? 20261121);
const RUNS = Number(process.env.ROUNDTRIP_RUNS ?? 25);

type Classes = Map<string, new () => object>;

function inRange(v: number, r: { lo: number; hi: number }): boolean {
  return v >= r.lo && v <= r.hi;
}

function scalarArb(kind: ScalarKind): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'bool':
      return fc.boolean();
    case 'int8':
      return fc.integer({ min: -128, max: 127 });
    case 'int16':
      return fc.integer({ min: -32768, max: 32767 });
    case 'uint16':
      return fc.integer({ min: 0, max: 65535 });
    case 'int32':
      return fc.integer();
    case 'uint32':
      return fc.integer({ min: 0, max: 0xffffffff });
    case 'int64':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case 'float64':
      return fc.double();
    case 'uuid':
      return fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('base64url'));
    case 'string':
      return fc.string({ unit: 'grapheme', maxLength: 8 });
    case 'bytes':
    case 'records':
      return fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b));
  }
}

function fieldArb(f: FieldModel, v: number, classes: Classes, depth: number): fc.Arbitrary<unknown> {
  const t = f.type;
  let arb: fc.Arbitrary<unknown>;
  if (t.kind === 'scalar') arb = scalarArb(t.scalar);
  else if (t.kind === 'struct') arb = structArb(t.struct, v, classes, depth + 1);
  else {
    const el = t.element;
    const elArb = el.kind === 'scalar' ? scalarArb(el.scalar) : structArb(el.struct, v, classes, depth + 1);
    arb = fc.array(elArb, { maxLength: depth > 2 ? 1 : 3 });
  }
  return inRange(v, f.nullable) ? fc.option(arb, { nil: null, freq: 4 }) : arb;
}

function structArb(s: StructModel, v: number, classes: Classes, depth: number): fc.Arbitrary<object> {
  const cls = classes.get(s.className);
  if (cls === undefined) throw new Error(`class ${s.className} not exported`);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of s.fields) if (inRange(v, f.versions)) shape[f.name] = fieldArb(f, v, classes, depth);
  const flexible = inRange(v, s.flexible);
  if (flexible) {
    const known = new Set(s.fields.map((f) => f.tag));
    shape._unknownTaggedFields = fc.option(
      fc
        .uniqueArray(
          fc.integer({ min: 0, max: 300 }).filter((tag) => !known.has(tag)),
          { maxLength: 2, minLength: 1 },
        )
        .chain((tags) =>
          fc.tuple(
            ...tags
              .sort((a, b) => a - b)
              .map((tag) => fc.uint8Array({ maxLength: 6 }).map((d) => ({ tag, data: Buffer.from(d) }))),
          ),
        ),
      { nil: null, freq: 3 },
    );
  }
  return fc.record(shape).map((values) => Object.assign(new cls(), values));
}

async function load(): Promise<{ model: MessageModel; classes: Classes; cls: MessageClass }[]> {
  const out: { model: MessageModel; classes: Classes; cls: MessageClass }[] = [];
  for (const dir of ['messages', 'metadata', 'internal']) {
    for (const file of readdirSync(join(SPEC_DIR, dir)).sort()) {
      if (!file.endsWith('.json')) continue;
      const model = buildModel(loadMessage(join(SPEC_DIR, dir, file)));
      const mod = (await import(`@gregor/protocol/generated/${dir}/${kebabCase(model.spec.name)}`)) as Record<
        string,
        unknown
      >;
      const classes: Classes = new Map();
      for (const [name, value] of Object.entries(mod))
        if (typeof value === 'function') classes.set(name, value as new () => object);
      out.push({ model, classes, cls: mod[model.spec.name] as MessageClass });
    }
  }
  return out;
}

test('every message round-trips at every valid version', async () => {
  const all = await load();
  assert.ok(all.length > 200, `expected every definition, found ${all.length}`);
  let cases = 0;
  for (const { model, classes, cls } of all) {
    for (let v = model.valid.lo; v <= model.valid.hi; v++) {
      const arb = structArb(model.top, v, classes, 0);
      fc.assert(
        fc.property(arb, (message) => {
          const bytes = encodeMessage(cls, message, v);
          const back = decodeMessage(cls, bytes, v);
          assert.deepStrictEqual(back, message, `${model.spec.name} v${v}`);
          assert.deepStrictEqual(encodeMessage(cls, back, v), bytes, `${model.spec.name} v${v} re-encoded`);
        }),
        { seed: SEED + cases, numRuns: RUNS },
      );
      cases++;
    }
  }
  const expected = all.reduce((n, { model }) => n + model.valid.hi - model.valid.lo + 1, 0);
  assert.equal(cases, expected);
});

test('default-constructed messages encode and decode at every version', async () => {
  for (const { model, cls } of await load()) {
    for (let v = model.valid.lo; v <= model.valid.hi; v++) {
      const message = new (cls as unknown as new () => object)();
      assert.deepStrictEqual(
        decodeMessage(cls, encodeMessage(cls, message, v), v),
        message,
        `${model.spec.name} v${v}`,
      );
    }
  }
});

test('a non-default value in a version without the field is refused', async () => {
  const { ProduceRequest } = await import('@gregor/protocol');
  const m = new ProduceRequest();
  m.transactionalId = 'txn';
  assert.throws(() => encodeMessage(ProduceRequest, m, 2), /TransactionalId is not supported at version 2/);
  assert.ok(encodeMessage(ProduceRequest, m, 3).length > 0);
});

test('null in a version where the field is not nullable is refused', async () => {
  const { MetadataRequest } = await import('@gregor/protocol');
  const m = new MetadataRequest();
  m.topics = null;
  // Topics became nullable in v1 ("all topics"); v0 has no way to say null.
  assert.throws(() => encodeMessage(MetadataRequest, m, 0), /Topics must not be null at version 0/);
  assert.ok(encodeMessage(MetadataRequest, m, 1).length > 0);
});

test('tagged fields are written only when they differ from the default', async () => {
  const { PartitionData, LeaderIdAndEpoch } = await import('@gregor/protocol/generated/messages/fetch-response');
  const p = new PartitionData();
  const plain = encodeMessage(PartitionData as unknown as MessageClass, p, 12);
  // index, errorCode, highWatermark, lastStableOffset, logStartOffset, abortedTransactions
  // (null: 1 byte), preferredReadReplica, records (null: 1 byte), tagged count.
  assert.equal(plain.length, 4 + 2 + 8 + 8 + 8 + 1 + 4 + 1 + 1);
  assert.equal(plain[plain.length - 1], 0, 'no tagged fields');
  const leader = new LeaderIdAndEpoch();
  leader.leaderId = 3;
  leader.leaderEpoch = 9;
  p.currentLeader = leader;
  const tagged = encodeMessage(PartitionData as unknown as MessageClass, p, 12);
  // count 1, tag 1, size 9, leaderId int32, leaderEpoch int32, the struct's own tag count.
  assert.deepEqual([...tagged.subarray(plain.length - 1)], [1, 1, 9, 0, 0, 0, 3, 0, 0, 0, 9, 0]);
  const back = decodeMessage(PartitionData as unknown as MessageClass, tagged, 12) as typeof p;
  assert.equal(back.currentLeader.leaderId, 3);
  assert.equal(back.currentLeader.leaderEpoch, 9);
});

test('unknown tagged fields survive a decode and re-encode', async () => {
  const { ApiVersionsRequest } = await import('@gregor/protocol');
  const m = new ApiVersionsRequest();
  m.clientSoftwareName = 'x';
  m.clientSoftwareVersion = '1';
  m._unknownTaggedFields = [{ tag: 5, data: Buffer.from([1, 2, 3]) }];
  const bytes = encodeMessage(ApiVersionsRequest, m, 3);
  assert.deepEqual([...bytes.subarray(bytes.length - 6)], [1, 5, 3, 1, 2, 3]);
  const back = decodeMessage(ApiVersionsRequest, bytes, 3);
  assert.deepEqual(back._unknownTaggedFields, [{ tag: 5, data: Buffer.from([1, 2, 3]) }]);
  assert.deepEqual(encodeMessage(ApiVersionsRequest, back, 3), bytes);
});
