/**
 * The manifest that sits beside each set of golden fixtures
 * (test-fixtures/golden/<client>/manifest.json), and the checker of its facts.
 *
 * Facts are written by the capture tool from what it told the client to do (the topic,
 * group, acks, timeouts it configured), never read back from the decoder under test, so a
 * decoder bug cannot make a fixture agree with itself. A fact is a dotted path into the
 * decoded request body (`topicData[0].partitionData[0].index`) or into its header
 * (`header.clientId`), and the value expected there. int64 fields are compared as decimal
 * strings, because JSON has no bigint; `length` reads an array's length.
 */

/** A fact's expected value: JSON scalars; int64 values are written as decimal strings. */
export type FactValue = string | number | boolean | null;

/** One record the client was told to send, as UTF-8 text (null for a null key or value). */
export interface GoldenRecord {
  key: string | null;
  value: string | null;
  headers: [string, string | null][];
}

/** The records inside a captured Produce request. */
export interface GoldenRecords {
  compression: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
  records: GoldenRecord[];
}

export interface GoldenFixture {
  /** File name inside the client's folder: the frame after the 4-byte size prefix. */
  file: string;
  apiKey: number;
  api: string;
  version: number;
  /** What distinguishes several fixtures of one API and version, or null. */
  variant: string | null;
  clientId: string;
  /** Which capture scenario sent it (see capture.ts). */
  scenario: string;
  facts: Record<string, FactValue>;
  /** Produce only: the records the client was given, in order, across the request's batches. */
  records?: GoldenRecords;
}

export interface GoldenManifest {
  client: string;
  clientVersion: string;
  /** How the fixtures were made; re-running it replaces them. */
  capturedWith: string;
  fixtures: GoldenFixture[];
}

const PATH_STEP = /([^.[\]]+)|\[(\d+)\]/g;

/** The value at a dotted path (`a.b[0].c`, `a.length`), or undefined when a step is missing. */
export function valueAt(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const match of path.matchAll(PATH_STEP)) {
    if (current === null || current === undefined) return undefined;
    const key = match[1] ?? match[2]!;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Compares each fact with the decoded request; returns one line per mismatch. */
export function checkFacts(decoded: { header: object; body: object }, facts: Record<string, FactValue>): string[] {
  const problems: string[] = [];
  for (const path of Object.keys(facts)) {
    const expected = facts[path]!;
    const root = path.startsWith('header.') ? decoded.header : decoded.body;
    const actual = valueAt(root, path.startsWith('header.') ? path.slice('header.'.length) : path);
    const comparable = typeof actual === 'bigint' ? actual.toString() : actual;
    if (comparable !== expected) {
      problems.push(`${path}: expected ${JSON.stringify(expected)}, got ${describe(actual)}`);
    }
  }
  return problems;
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}

/** 'ApiVersions' -> 'api-versions': the API part of a fixture's file name. */
export function kebabName(apiName: string): string {
  return apiName.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
