/**
 * Fuzzing the frame decoders with bytes from the outside world.
 *
 * For `decodeRequest`: arbitrary bytes; arbitrary and zero-heavy bodies behind a valid
 * header; mutations (flip, set, insert, delete, truncate, huge int16/int32/varint
 * lengths) of valid frames, seeded from every request at every version
 * (default-constructed, encoded) and the golden captures of real clients; every
 * truncation and a huge length at every offset of every seed. It must never throw, must
 * finish each frame promptly, and must respect `maxLength`: nothing longer comes back,
 * a frame that claims 1 GiB is refused by the bytes remaining, and a length over the
 * limit is refused by the limit even when the bytes are there, before anything is
 * copied (memory stays flat). A request that decodes must encode again and decode to
 * the same thing. `decodeResponse` gets random and mutated bytes for every API and
 * version.
 *
 * Seeds are fixed (SEED_*); fast-check prints the seed and the counterexample path of a
 * failing run, `FUZZ_SEED=<n>` runs the random properties from another base seed and
 * `FUZZ_RUNS=<k>` makes them k times longer (a soak run). The sweeps need no seed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { DecodedRequest } from '../frames.js';
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse } from '../frames.js';
import type { ApiSpec } from '../generated/api-table.js';
import { API_TABLE, ApiKey } from '../generated/api-table.js';
import { RequestHeader } from '../generated/messages/request-header.js';
import type { GoldenManifest } from '../golden/manifest.js';

const SEED_BASE = process.env.FUZZ_SEED === undefined ? 0x6e3a51 : Number(process.env.FUZZ_SEED);
/** `FUZZ_RUNS=<k>` runs every random property k times longer (for a soak run, not CI). */
const RUNS_FACTOR = process.env.FUZZ_RUNS === undefined ? 1 : Number(process.env.FUZZ_RUNS);
const SEED_RANDOM_FRAMES = SEED_BASE + 1;
const SEED_RANDOM_BODIES = SEED_BASE + 2;
const SEED_MUTATIONS = SEED_BASE + 3;
const SEED_SMALL_LIMIT = SEED_BASE + 4;
const SEED_RESPONSES = SEED_BASE + 5;
const SEED_BIASED_BODIES = SEED_BASE + 6;

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
/** The limit a broker would pass: no single string, bytes or array above 1 MiB. */
const LENGTH_MAX = MIB;
/** Not a benchmark: a frame of a few hundred bytes that takes this long is a hang. */
const DECODE_MS_MAX = 1000;
/** Memory growth allowed over a batch of frames that each claim 1 GiB. */
const MEMORY_GROWTH_BYTES_MAX = 128 * MIB;

const GOLDEN_DIR = fileURLToPath(new URL('../../test-fixtures/golden/', import.meta.url));

const APIS: readonly ApiSpec[] = API_TABLE.filter((a): a is ApiSpec => a !== undefined);

interface Seed {
  name: string;
  frame: Buffer;
}

/**
 * Bytes as a Kafka body is mostly made of: zeros (empty arrays, zero ints), small counts,
 * -1 (0xff: nulls), and a varint continuation bit; any byte now and then. Such tails get
 * past the first length field far more often than uniform bytes, into nested structs.
 */
const bodyByte = fc.oneof(
  { weight: 6, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) },
  { weight: 2, arbitrary: fc.constant(0xff) },
  { weight: 1, arbitrary: fc.constant(0x80) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }) },
);

/** Every request at every version, default-constructed, as a frame without its size. */
function defaultRequestFrames(): { frames: Seed[]; unencodable: string[] } {
  const frames: Seed[] = [];
  const unencodable: string[] = [];
  for (const api of APIS) {
    for (let v = api.lowestVersion; v <= api.highestVersion; v++) {
      const header = new RequestHeader();
      header.requestApiKey = api.apiKey;
      header.requestApiVersion = v;
      header.correlationId = 0x01020304;
      header.clientId = 'fuzz';
      const body = new (api.request as new () => object)();
      try {
        frames.push({ name: `${api.name} v${v}`, frame: encodeRequest(api, v, header, body).subarray(4) });
      } catch (err) {
        unencodable.push(`${api.name} v${v}: ${(err as Error).message}`);
      }
    }
  }
  return { frames, unencodable };
}

/** Every response at every version, default-constructed, as a frame without its size. */
function defaultResponseFrames(): { api: ApiSpec; version: number; frame: Buffer }[] {
  const out: { api: ApiSpec; version: number; frame: Buffer }[] = [];
  for (const api of APIS) {
    for (let v = api.lowestVersion; v <= api.highestVersion; v++) {
      const body = new (api.response as new () => object)();
      try {
        out.push({ api, version: v, frame: encodeResponse(api, v, 0x01020304, body).subarray(4) });
      } catch {
        // Counted by the test that lists the request seeds; responses only feed mutations.
      }
    }
  }
  return out;
}

function goldenFrames(): Seed[] {
  const out: Seed[] = [];
  for (const client of readdirSync(GOLDEN_DIR)) {
    const manifest = JSON.parse(readFileSync(`${GOLDEN_DIR}${client}/manifest.json`, 'utf8')) as GoldenManifest;
    for (const f of manifest.fixtures) {
      out.push({ name: `golden ${client}/${f.file}`, frame: readFileSync(`${GOLDEN_DIR}${client}/${f.file}`) });
    }
  }
  return out;
}

const defaults = defaultRequestFrames();
const golden = goldenFrames();
const SEEDS: readonly Seed[] = [...defaults.frames, ...golden];
const RESPONSES = defaultResponseFrames();

const REASONS = new Set(['UNKNOWN_API', 'UNSUPPORTED_VERSION', 'INVALID_REQUEST']);

/**
 * Decodes `frame`, asserting it does not throw and ends in time, and that the result is
 * well formed: a failure has a known reason and a message; a success holds nothing longer
 * than `maxLength`.
 */
function decodeChecked(frame: Buffer, maxLength: number, what: string): DecodedRequest {
  const started = performance.now();
  let result: DecodedRequest;
  try {
    result = decodeRequest(frame, maxLength);
  } catch (err) {
    assert.fail(`${what}: decodeRequest threw on ${hex(frame)}: ${(err as Error).stack}`);
  }
  const ms = performance.now() - started;
  if (ms >= DECODE_MS_MAX) assert.fail(`${what}: decodeRequest took ${ms.toFixed(0)} ms on ${hex(frame)}`);
  if (result.ok) {
    assert.equal(result.header.requestApiKey, result.api.apiKey, what);
    assert.equal(result.header.requestApiVersion, result.version, what);
    const over = findOverLimit(result.header, maxLength, 'header') ?? findOverLimit(result.body, maxLength, 'body');
    if (over !== null) assert.fail(`${what}: ${over} exceeds maxLength ${maxLength} in ${hex(frame)}`);
  } else {
    assert.ok(REASONS.has(result.reason), `${what}: reason ${result.reason}`);
    assert.equal(typeof result.message, 'string');
  }
  return result;
}

/**
 * A request that decoded must encode again at its version, and decode to the same thing:
 * a broker that logs, forwards (Envelope) or echoes a request must not crash on it.
 */
function reencodeChecked(result: DecodedRequest, frame: Buffer, what: string): void {
  if (!result.ok) return;
  let encoded: Buffer;
  try {
    encoded = encodeRequest(result.api, result.version, result.header, result.body);
  } catch (err) {
    assert.fail(`${what}: decoded but did not encode again: ${hex(frame)}: ${(err as Error).stack}`);
  }
  const again = decodeRequest(encoded.subarray(4));
  if (!again.ok || !isDeepStrictEqual(again.body, result.body) || !isDeepStrictEqual(again.header, result.header)) {
    assert.fail(`${what}: decode(encode(decode(x))) differs from decode(x) for ${hex(frame)}`);
  }
}

/** A frame for a failure message; long frames are cut, the start is what matters. */
function hex(frame: Buffer): string {
  if (frame.length <= 4096) return frame.toString('hex');
  return `${frame.subarray(0, 4096).toString('hex')}... (${frame.length} bytes)`;
}

/** How a decoded UUID looks: 16 fixed bytes as 22 base64url characters, no length read. */
const UUID_TEXT = /^[A-Za-z0-9_-]{22}$/;

/**
 * The path of a string, bytes or array longer than `maxLength`, or null. A UTF-8 string
 * of n bytes decodes to at most n UTF-16 units, so `length` is a fair bound for strings.
 * UUIDs are fixed-size and skipped (a 22-character string field is skipped with them).
 */
function findOverLimit(value: unknown, maxLength: number, path: string): string | null {
  if (typeof value === 'string') return value.length > maxLength && !UUID_TEXT.test(value) ? path : null;
  if (Buffer.isBuffer(value)) return value.length > maxLength ? path : null;
  if (Array.isArray(value)) {
    if (value.length > maxLength) return path;
    for (let i = 0; i < value.length; i++) {
      const found = findOverLimit(value[i], maxLength, `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const found = findOverLimit((value as Record<string, unknown>)[key], maxLength, `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------
// Mutations.

/** Length values that break naive decoders: huge, negative, just past the end. */
const HUGE_INT32 = [0x7fffffff, GIB, GIB + 1, LENGTH_MAX + 1, -2, -1, -0x80000000, 0xffff, 0x8000] as const;
const HUGE_INT16 = [0x7fff, -2, -1, -0x8000] as const;
/** Unsigned varints: 0xffffffff, 1 GiB + 1 (a compact length of 1 GiB), 2^28, and an over-long one. */
const HUGE_VARINTS: readonly Buffer[] = [
  Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]),
  Buffer.from([0x81, 0x80, 0x80, 0x80, 0x04]),
  Buffer.from([0x80, 0x80, 0x80, 0x80, 0x01]),
  Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
  Buffer.from([0x80, 0x80, 0x80, 0x80, 0x10]),
];

type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'int32'; at: number; value: number }
  | { kind: 'int16'; at: number; value: number }
  | { kind: 'varint'; at: number; which: number };

/** Positions are fractions of the frame's length, so one mutation fits any frame. */
const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('set' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: position, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('int32' as const), at: position, value: fc.constantFrom(...HUGE_INT32) }),
  fc.record({ kind: fc.constant('int16' as const), at: position, value: fc.constantFrom(...HUGE_INT16) }),
  fc.record({
    kind: fc.constant('varint' as const),
    at: position,
    which: fc.integer({ min: 0, max: HUGE_VARINTS.length - 1 }),
  }),
);

function applyMutation(frame: Buffer, m: Mutation): Buffer {
  const at = Math.floor(m.at * (frame.length + 1));
  switch (m.kind) {
    case 'flip':
    case 'set': {
      if (frame.length === 0) return frame;
      const out = Buffer.from(frame);
      const i = Math.min(at, frame.length - 1);
      out[i] = m.kind === 'flip' ? out[i]! ^ m.mask : m.value;
      return out;
    }
    case 'insert':
      return Buffer.concat([frame.subarray(0, at), m.bytes, frame.subarray(at)]);
    case 'delete':
      return Buffer.concat([frame.subarray(0, at), frame.subarray(at + m.count)]);
    case 'truncate':
      return frame.subarray(0, at);
    case 'int32':
      return overwrite(frame, at, int32Bytes(m.value));
    case 'int16': {
      const b = Buffer.alloc(2);
      b.writeInt16BE(m.value);
      return overwrite(frame, at, b);
    }
    case 'varint':
      return overwrite(frame, at, HUGE_VARINTS[m.which]!);
  }
}

function int32Bytes(value: number): Buffer {
  const b = Buffer.alloc(4);
  if (value > 0x7fffffff) b.writeUInt32BE(value);
  else b.writeInt32BE(value);
  return b;
}

/** `bytes` written over the frame at `at`, growing it if they run past the end. */
function overwrite(frame: Buffer, at: number, bytes: Buffer): Buffer {
  const out = Buffer.alloc(Math.max(frame.length, at + bytes.length));
  frame.copy(out);
  bytes.copy(out, at);
  return out;
}

/** fast-check's report carries the seed and path; name the property and the seed as well. */
function runProperty(name: string, seed: number, numRuns: number, property: Parameters<typeof fc.assert>[0]): void {
  try {
    fc.assert(property, { seed, numRuns: Math.max(1, Math.round(numRuns * RUNS_FACTOR)) });
  } catch (err) {
    console.error(`[fuzz] ${name} failed with seed ${seed} (replay: FUZZ_SEED=${SEED_BASE})`);
    throw err;
  }
}

// ---------------------------------------------------------------------------------

describe('decodeRequest fuzz', () => {
  test('seeds: every request at every version encodes by default, and the golden captures load', () => {
    assert.deepEqual(defaults.unencodable, []);
    assert.ok(defaults.frames.length > 300, `${defaults.frames.length} default frames`);
    assert.ok(golden.length >= 30, `${golden.length} golden frames`);
    for (const seed of SEEDS) {
      const result = decodeChecked(seed.frame, LENGTH_MAX, seed.name);
      assert.ok(result.ok, `${seed.name}: ${result.ok ? '' : result.message}`);
    }
  });

  test(`arbitrary bytes (seed ${SEED_RANDOM_FRAMES})`, () => {
    runProperty(
      'arbitrary bytes',
      SEED_RANDOM_FRAMES,
      5000,
      fc.property(fc.uint8Array({ maxLength: 96 }), (bytes) => {
        decodeChecked(Buffer.from(bytes), LENGTH_MAX, 'arbitrary bytes');
      }),
    );
  });

  test(`arbitrary bodies behind a valid header (seed ${SEED_RANDOM_BODIES})`, () => {
    const pairs = SEEDS.filter((s) => !s.name.startsWith('golden')).map((s) => s.frame.subarray(0, 4));
    runProperty(
      'arbitrary bodies',
      SEED_RANDOM_BODIES,
      10000,
      fc.property(
        fc.integer({ min: 0, max: pairs.length - 1 }),
        fc.integer(),
        fc.uint8Array({ maxLength: 384 }),
        (i, correlationId, tail) => {
          const frame = Buffer.concat([pairs[i]!, int32Bytes(correlationId | 0), tail]);
          reencodeChecked(decodeChecked(frame, LENGTH_MAX, 'arbitrary body'), frame, 'arbitrary body');
        },
      ),
    );
  });

  test(`zero-heavy bodies behind a valid header and client id (seed ${SEED_BIASED_BODIES})`, () => {
    const pairs = SEEDS.filter((s) => !s.name.startsWith('golden')).map((s) => s.frame.subarray(0, 4));
    const rest = Buffer.concat([int32Bytes(7), int16(4), Buffer.from('fuzz')]);
    runProperty(
      'zero-heavy bodies',
      SEED_BIASED_BODIES,
      20000,
      fc.property(fc.integer({ min: 0, max: pairs.length - 1 }), fc.array(bodyByte, { maxLength: 256 }), (i, tail) => {
        const frame = Buffer.concat([pairs[i]!, rest, Buffer.from(tail)]);
        reencodeChecked(decodeChecked(frame, LENGTH_MAX, 'zero-heavy body'), frame, 'zero-heavy body');
      }),
    );
  });

  test(`mutated valid frames (seed ${SEED_MUTATIONS})`, () => {
    runProperty(
      'mutations',
      SEED_MUTATIONS,
      40000,
      fc.property(
        fc.integer({ min: 0, max: SEEDS.length - 1 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        (i, mutations) => {
          let frame = SEEDS[i]!.frame;
          for (const m of mutations) frame = applyMutation(frame, m);
          const what = `mutated ${SEEDS[i]!.name}`;
          reencodeChecked(decodeChecked(frame, LENGTH_MAX, what), frame, what);
        },
      ),
    );
  });

  test(`a small maxLength is never exceeded (seed ${SEED_SMALL_LIMIT})`, () => {
    runProperty(
      'small maxLength',
      SEED_SMALL_LIMIT,
      10000,
      fc.property(
        fc.integer({ min: 0, max: SEEDS.length - 1 }),
        fc.array(mutationArb, { maxLength: 2 }),
        fc.integer({ min: 0, max: 24 }),
        (i, mutations, maxLength) => {
          let frame = SEEDS[i]!.frame;
          for (const m of mutations) frame = applyMutation(frame, m);
          decodeChecked(frame, maxLength, `maxLength ${maxLength}, ${SEEDS[i]!.name}`);
        },
      ),
    );
  });

  test('every truncation of every seed is refused, without throwing', () => {
    for (const seed of SEEDS) {
      for (let n = 0; n < seed.frame.length; n++) {
        const result = decodeChecked(seed.frame.subarray(0, n), LENGTH_MAX, `${seed.name} cut at ${n}`);
        // A shorter frame can only decode if the cut falls after a complete body, which a
        // default body never ends with spare bytes for; golden frames neither.
        assert.ok(!result.ok, `${seed.name} cut at ${n} of ${seed.frame.length} bytes decoded`);
      }
    }
  });

  test('a trailing byte after any seed is refused as unread', () => {
    for (const seed of SEEDS) {
      const result = decodeChecked(Buffer.concat([seed.frame, Buffer.from([0])]), LENGTH_MAX, seed.name);
      assert.ok(!result.ok && /unread/.test(result.message), `${seed.name}: ${result.ok ? 'decoded' : result.message}`);
    }
  });

  test('a huge length at every offset of every seed: refused, memory flat', () => {
    const before = process.memoryUsage();
    const giant = [int32Bytes(GIB), int32Bytes(0x7fffffff), HUGE_VARINTS[1]!, HUGE_VARINTS[0]!];
    let refused = 0;
    for (const seed of SEEDS) {
      for (let at = 8; at < seed.frame.length; at++) {
        for (const bytes of giant) {
          const frame = overwrite(seed.frame, at, bytes);
          const result = decodeChecked(frame, LENGTH_MAX, seed.name);
          if (result.ok) continue;
          // Whatever read the huge value as a length refused it before reading on.
          if (/length (1073741824|1073741825|2147483647|4294967294)\b/.test(result.message)) {
            assert.match(result.message, /exceeds the (\d+ bytes remaining|limit of 1048576)/, seed.name);
            refused++;
          }
        }
      }
    }
    const after = process.memoryUsage();
    const growth = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
    assert.ok(growth < MEMORY_GROWTH_BYTES_MAX, `memory grew by ${(growth / MIB).toFixed(0)} MiB`);
    assert.ok(refused > 1000, `only ${refused} frames were refused for a huge length`);
  });

  /**
   * Requests whose one length field says `claimed`, followed by `present` bytes. With a
   * 1 GiB claim the bytes remaining refuse it; with a claim over the limit but within the
   * bytes present, the limit must refuse it before anything is read or copied.
   */
  interface LengthCase {
    name: string;
    apiKey: number;
    version: number;
    /** The request body (or, for `inHeader`, the header's tagged fields) claiming `claimed`. */
    build(claimed: number): Buffer;
    inHeader?: boolean;
  }
  const lengthCases: readonly LengthCase[] = [
    {
      // transactionalId null, acks, timeoutMs, then topicData: an int32 array length.
      name: 'Produce v7 topicData array (int32)',
      apiKey: ApiKey.Produce,
      version: 7,
      build: (n) => Buffer.concat([int16(-1), int16(-1), int32Bytes(30000), int32Bytes(n)]),
    },
    {
      name: 'Produce v7 records (int32 bytes)',
      apiKey: ApiKey.Produce,
      version: 7,
      build: (n) =>
        Buffer.concat([
          int16(-1),
          int16(-1),
          int32Bytes(30000),
          int32Bytes(1),
          int16(1),
          Buffer.from('t'),
          int32Bytes(1),
          int32Bytes(0),
          int32Bytes(n),
        ]),
    },
    {
      name: 'Produce v9 transactionalId (compact string)',
      apiKey: ApiKey.Produce,
      version: 9,
      build: (n) => unsignedVarint(n + 1),
    },
    {
      name: 'Produce v9 topicData (compact array)',
      apiKey: ApiKey.Produce,
      version: 9,
      build: (n) => Buffer.concat([Buffer.from([0]), int16(-1), int32Bytes(30000), unsignedVarint(n + 1)]),
    },
    {
      name: 'SaslAuthenticate v0 authBytes (int32 bytes)',
      apiKey: ApiKey.SaslAuthenticate,
      version: 0,
      build: (n) => int32Bytes(n),
    },
    {
      name: 'Metadata v0 topics (int32 array)',
      apiKey: ApiKey.Metadata,
      version: 0,
      build: (n) => int32Bytes(n),
    },
    {
      // Request header v2 tagged fields: count 1, tag 0, then the size.
      name: 'flexible request header tagged field',
      apiKey: ApiKey.ApiVersions,
      version: 3,
      inHeader: true,
      build: (n) => Buffer.concat([Buffer.from([1, 0]), unsignedVarint(n)]),
    },
    {
      // Fetch v12: every fixed field, empty topics, forgotten topics and rackId, then
      // one top-level tagged field (an unknown tag 9) of the claimed size.
      name: 'Fetch v12 body tagged field',
      apiKey: ApiKey.Fetch,
      version: 12,
      build: (n) =>
        Buffer.concat([
          int32Bytes(-1),
          int32Bytes(500),
          int32Bytes(1),
          int32Bytes(1 << 20),
          Buffer.from([0]),
          int32Bytes(0),
          int32Bytes(-1),
          Buffer.from([1, 1, 1]),
          Buffer.from([1, 9]),
          unsignedVarint(n),
        ]),
    },
  ];

  function requestFrame(c: LengthCase, claimed: number, present: number): Buffer {
    const api = API_TABLE[c.apiKey]!;
    const flexibleHeader = api.flexibleFrom >= 0 && c.version >= api.flexibleFrom;
    const claim = c.build(claimed);
    const header = Buffer.concat([
      int16(c.apiKey),
      int16(c.version),
      int32Bytes(42),
      int16(4),
      Buffer.from('fuzz'),
      flexibleHeader && c.inHeader !== true ? Buffer.from([0]) : Buffer.alloc(0),
    ]);
    return Buffer.concat([header, claim, Buffer.alloc(present, 0x61)]);
  }

  function memoryInUse(): number {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  }

  describe('a frame that claims 1 GiB is refused by the bytes remaining', () => {
    for (const c of lengthCases) {
      test(c.name, () => {
        const frame = requestFrame(c, GIB, 16);
        const before = memoryInUse();
        for (let i = 0; i < 2000; i++) {
          const result = decodeChecked(frame, LENGTH_MAX, c.name);
          assert.ok(!result.ok, `${c.name} decoded`);
          assert.equal(result.reason, 'INVALID_REQUEST');
          assert.equal(result.correlationId, 42);
          assert.match(result.message, /length 1073741824 exceeds the (16 bytes remaining|limit of 1048576)/);
        }
        const growth = memoryInUse() - before;
        assert.ok(growth < MEMORY_GROWTH_BYTES_MAX, `memory grew by ${(growth / MIB).toFixed(0)} MiB`);
      });
    }
  });

  describe('a length over maxLength is refused even when the bytes are there', () => {
    const claimed = 2 * MIB;
    for (const c of lengthCases) {
      test(c.name, () => {
        const frame = requestFrame(c, claimed, claimed + 64);
        const before = memoryInUse();
        for (let i = 0; i < 200; i++) {
          const result = decodeChecked(frame, LENGTH_MAX, c.name);
          assert.ok(!result.ok, `${c.name} decoded`);
          assert.equal(result.reason, 'INVALID_REQUEST');
          assert.match(result.message, new RegExp(`length ${claimed} exceeds the limit of ${LENGTH_MAX}`));
        }
        // 200 frames of 2 MiB each would be 400 MiB had anything been copied.
        const growth = memoryInUse() - before;
        assert.ok(growth < MEMORY_GROWTH_BYTES_MAX, `memory grew by ${(growth / MIB).toFixed(0)} MiB`);
      });
    }
  });
});

function unsignedVarint(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

function int16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(value);
  return b;
}

describe('decodeResponse fuzz', () => {
  function decodeResponseChecked(api: ApiSpec, version: number, frame: Buffer, what: string): void {
    const started = performance.now();
    let result: ReturnType<typeof decodeResponse>;
    try {
      result = decodeResponse(api, version, frame, LENGTH_MAX);
    } catch (err) {
      assert.fail(`${what}: decodeResponse threw on ${hex(frame)}: ${(err as Error).stack}`);
    }
    const ms = performance.now() - started;
    if (ms >= DECODE_MS_MAX) assert.fail(`${what}: decodeResponse took ${ms.toFixed(0)} ms on ${hex(frame)}`);
    if ('error' in result) assert.equal(typeof result.error, 'string');
    else assert.equal(findOverLimit(result.body, LENGTH_MAX, 'body'), null, what);
  }

  test('every default response decodes', () => {
    assert.ok(RESPONSES.length > 300, `${RESPONSES.length} responses`);
    for (const { api, version, frame } of RESPONSES) {
      const result = decodeResponse(api, version, frame, LENGTH_MAX);
      assert.ok(!('error' in result), `${api.name} v${version}: ${'error' in result ? result.error : ''}`);
    }
  });

  test(`random and mutated bytes for every API and version (seed ${SEED_RESPONSES})`, () => {
    runProperty(
      'responses',
      SEED_RESPONSES,
      20000,
      fc.property(
        fc.integer({ min: 0, max: RESPONSES.length - 1 }),
        fc.oneof(
          fc.uint8Array({ maxLength: 128 }).map((b) => ({ random: Uint8Array.from(b), mutations: [] as Mutation[] })),
          fc
            .array(bodyByte, { maxLength: 256 })
            .map((b) => ({ random: Uint8Array.from(b), mutations: [] as Mutation[] })),
          fc.array(mutationArb, { minLength: 1, maxLength: 4 }).map((m) => ({ random: null, mutations: m })),
        ),
        (i, input) => {
          const { api, version, frame: valid } = RESPONSES[i]!;
          let frame = input.random === null ? valid : Buffer.from(input.random);
          for (const m of input.mutations) frame = applyMutation(frame, m);
          decodeResponseChecked(api, version, frame, `${api.name} v${version}`);
        },
      ),
    );
  });

  test('every truncation of every default response', () => {
    for (const { api, version, frame } of RESPONSES) {
      for (let n = 0; n < frame.length; n++) {
        decodeResponseChecked(api, version, frame.subarray(0, n), `${api.name} v${version} cut at ${n}`);
      }
    }
  });
});
