/**
 * Loading Kafka's message definitions (the JSON files of ../shared/kafka-protocol).
 *
 * The files are JSON with `//` and `/* *\/` comments. Each describes one message (a
 * request, response, header, metadata record or internal data record): its version
 * range, the versions in which it uses the flexible (compact, tagged) encoding, and its
 * fields, each with the versions it exists in.
 */
import { readFileSync } from 'node:fs';

export interface FieldSpec {
  name: string;
  type: string;
  versions?: string;
  nullableVersions?: string;
  taggedVersions?: string;
  tag?: number | string;
  default?: string | number | boolean | null;
  ignorable?: boolean;
  flexibleVersions?: string;
  about?: string;
  fields?: FieldSpec[];
  mapKey?: boolean;
  entityType?: string;
  zeroCopy?: boolean;
}

export interface StructSpec {
  name: string;
  versions?: string;
  fields: FieldSpec[];
}

export interface MessageSpec {
  name: string;
  type: 'request' | 'response' | 'header' | 'metadata' | 'data';
  apiKey?: number;
  validVersions: string;
  flexibleVersions: string;
  deprecatedVersions?: string;
  latestVersionUnstable?: boolean;
  listeners?: string[];
  fields: FieldSpec[];
  commonStructs?: StructSpec[];
}

/** Removes `//` and block comments outside string literals. */
export function stripComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated block comment');
      i = end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function loadMessage(path: string): MessageSpec {
  const spec = JSON.parse(stripComments(readFileSync(path, 'utf8'))) as MessageSpec;
  if (typeof spec.name !== 'string' || typeof spec.validVersions !== 'string' || !Array.isArray(spec.fields)) {
    throw new Error(`${path}: not a message definition (name, validVersions and fields are required)`);
  }
  spec.flexibleVersions ??= 'none';
  return spec;
}

/** An inclusive version range; `lo > hi` is the empty range. */
export interface Versions {
  lo: number;
  hi: number;
}

export const NO_VERSIONS: Versions = { lo: 1, hi: 0 };
const VERSION_MAX = 0x7fff;

/** Parses "3", "3+", "3-7" or "none". */
export function parseVersions(text: string | undefined, fallback: Versions = NO_VERSIONS): Versions {
  if (text === undefined) return fallback;
  const t = text.trim();
  if (t === 'none') return NO_VERSIONS;
  let m = /^(\d+)\+$/.exec(t);
  if (m) return { lo: Number(m[1]), hi: VERSION_MAX };
  m = /^(\d+)-(\d+)$/.exec(t);
  if (m) return { lo: Number(m[1]), hi: Number(m[2]) };
  m = /^(\d+)$/.exec(t);
  if (m) return { lo: Number(m[1]), hi: Number(m[1]) };
  throw new Error(`bad version range ${JSON.stringify(text)}`);
}

export function intersect(a: Versions, b: Versions): Versions {
  return { lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

export function isEmpty(a: Versions): boolean {
  return a.lo > a.hi;
}

/** True when `inner` covers all of `outer`. */
export function covers(inner: Versions, outer: Versions): boolean {
  return isEmpty(outer) || (inner.lo <= outer.lo && inner.hi >= outer.hi);
}
