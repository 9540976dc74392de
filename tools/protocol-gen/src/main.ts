/**
 * protocol-gen: reads ../shared/kafka-protocol (messages, metadata, internal, errors.tsv)
 * and writes packages/protocol/src/generated. The output is committed; CI runs this and
 * fails on any difference, so the output must be a pure function of the input.
 *
 * Usage: node tools/protocol-gen/dist/main.js [--spec DIR] [--out DIR]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StructEmitter } from './emit-struct.js';
import type { MessageModel } from './model.js';
import { buildModel } from './model.js';
import { isEmpty, loadMessage, parseVersions } from './schema.js';

const HEADER = '// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.';

export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** Only the helpers a file uses are imported, so the output has no unused imports. */
const SUPPORT = [
  'EMPTY_BYTES',
  'ZERO_UUID',
  'fieldNotSupported',
  'nullNotAllowed',
  'sizeOfCompactLength',
  'sizeOfCompactString',
  'sizeOfString',
  'sizeOfTaggedFields',
  'sizeOfUnsignedVarint',
  'writeTaggedFieldsBelow',
];

export function emitMessageFile(model: MessageModel, source: string): string {
  const body: string[] = [];
  const spec = model.spec;
  // Nested structs first: a class must be defined before a field initialiser uses it.
  const ordered = [...model.structs].reverse();
  for (const s of ordered) {
    const lines = new StructEmitter(s).emit().flatMap((l) => l.split('\n'));
    if (s === model.top) {
      const statics = [
        `  static readonly messageName = '${spec.name}';`,
        ...(spec.apiKey === undefined ? [] : [`  static readonly apiKey = ${spec.apiKey};`]),
        `  static readonly lowestVersion = ${model.valid.lo};`,
        `  static readonly highestVersion = ${model.valid.hi};`,
        `  /** First flexible version (compact encodings, tagged fields); -1 if none. */`,
        `  static readonly flexibleFrom = ${isEmpty(model.flexible) ? -1 : model.flexible.lo};`,
        '',
      ];
      lines.splice(1, 0, ...statics);
      lines.unshift(`/** ${spec.name}: versions ${spec.validVersions}, flexible ${spec.flexibleVersions}. */`);
    }
    body.push(...lines, '');
  }
  const text = body.join('\n');
  const imports: string[] = [HEADER, `// Source: ${source}`, ''];
  const used = SUPPORT.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
  const typeImports: string[] = [];
  if (/\bTaggedField\b/.test(text)) typeImports.push('TaggedField');
  if (/\bUuid\b/.test(text)) typeImports.push('Uuid');
  if (used.length > 0) imports.push(`import { ${used.join(', ')} } from '../../codec-support.js';`);
  if (typeImports.length > 0) imports.push(`import type { ${typeImports.join(', ')} } from '../../codec-support.js';`);
  imports.push("import type { Reader } from '../../reader.js';", "import type { Writer } from '../../writer.js';", '');
  return `${imports.join('\n')}\n${text}`.replace(/\n+$/, '\n');
}

interface Loaded {
  model: MessageModel;
  dir: string;
  file: string;
  module: string;
}

function emitApiTable(loaded: Loaded[]): string {
  const requests = new Map<number, Loaded>();
  const responses = new Map<number, Loaded>();
  for (const l of loaded) {
    const s = l.model.spec;
    if (s.apiKey === undefined) continue;
    if (s.type === 'request') requests.set(s.apiKey, l);
    if (s.type === 'response') responses.set(s.apiKey, l);
  }
  const keys = [...requests.keys()].sort((a, b) => a - b);
  const out: string[] = [HEADER, ''];
  out.push("import type { MessageClass } from '../message-class.js';");
  for (const k of keys) {
    const req = requests.get(k) as Loaded;
    const res = responses.get(k);
    if (!res) throw new Error(`no response for apiKey ${k}`);
    out.push(`import { ${req.model.spec.name} } from './${req.module}';`);
    out.push(`import { ${res.model.spec.name} } from './${res.module}';`);
  }
  out.push(
    '',
    '/** One Kafka API: its versions and the codecs of its request and response. */',
    'export interface ApiSpec {',
    '  readonly apiKey: number;',
    '  readonly name: string;',
    '  readonly lowestVersion: number;',
    '  readonly highestVersion: number;',
    '  /** First version with flexible encodings (KIP-482); -1 if none. */',
    '  readonly flexibleFrom: number;',
    '  /** Versions Kafka deprecates (KIP-896), as a "lo-hi" range, or null. */',
    '  readonly deprecatedVersions: string | null;',
    '  /** Kafka marks the highest version as unstable (not yet released). */',
    '  readonly latestVersionUnstable: boolean;',
    '  /** Who serves it in Kafka: "broker", "controller", "zkBroker". */',
    '  readonly listeners: readonly string[];',
    '  readonly request: MessageClass;',
    '  readonly response: MessageClass;',
    '}',
    '',
    '/** API keys by name. */',
    'export const ApiKey = {',
  );
  for (const k of keys) out.push(`  ${apiName(requests.get(k) as Loaded)}: ${k},`);
  out.push('} as const;', '');
  out.push('/** Every API, indexed by apiKey (holes are undefined). */');
  out.push('export const API_TABLE: readonly (ApiSpec | undefined)[] = (() => {');
  out.push('  const t: (ApiSpec | undefined)[] = [];');
  for (const k of keys) {
    const req = requests.get(k) as Loaded;
    const res = responses.get(k) as Loaded;
    const s = req.model.spec;
    const rv = parseVersions(res.model.spec.validVersions);
    if (rv.lo !== req.model.valid.lo || rv.hi !== req.model.valid.hi) {
      throw new Error(`${s.name} and its response disagree on valid versions`);
    }
    const deprecated = s.deprecatedVersions === undefined ? 'null' : `'${s.deprecatedVersions}'`;
    out.push(
      `  t[${k}] = Object.freeze({`,
      `    apiKey: ${k},`,
      `    name: '${apiName(req)}',`,
      `    lowestVersion: ${req.model.valid.lo},`,
      `    highestVersion: ${req.model.valid.hi},`,
      `    flexibleFrom: ${isEmpty(req.model.flexible) ? -1 : req.model.flexible.lo},`,
      `    deprecatedVersions: ${deprecated},`,
      `    latestVersionUnstable: ${s.latestVersionUnstable === true},`,
      `    listeners: Object.freeze(${JSON.stringify(s.listeners ?? [])
        .replaceAll('"', "'")
        .replaceAll(',', ', ')}),`,
      `    request: ${s.name},`,
      `    response: ${res.model.spec.name},`,
      '  });',
    );
  }
  out.push('  return Object.freeze(t);', '})();', '');
  return out.join('\n');
}

function apiName(req: Loaded): string {
  return req.model.spec.name.replace(/Request$/, '');
}

function emitMetadataTable(loaded: Loaded[]): string {
  const records = loaded
    .filter((l) => l.model.spec.type === 'metadata')
    .sort((a, b) => (a.model.spec.apiKey ?? 0) - (b.model.spec.apiKey ?? 0));
  const out: string[] = [HEADER, ''];
  out.push("import type { MessageClass } from '../message-class.js';");
  for (const l of records) out.push(`import { ${l.model.spec.name} } from './${l.module}';`);
  out.push(
    '',
    "/** KRaft metadata record types by name (the record's apiKey in the schema). */",
    'export const MetadataRecordType = {',
  );
  for (const l of records) out.push(`  ${l.model.spec.name}: ${l.model.spec.apiKey},`);
  out.push('} as const;', '', '/** Metadata record codecs indexed by record type (holes are undefined). */');
  out.push('export const METADATA_RECORDS: readonly (MessageClass | undefined)[] = (() => {');
  out.push('  const t: (MessageClass | undefined)[] = [];');
  for (const l of records) out.push(`  t[${l.model.spec.apiKey}] = ${l.model.spec.name};`);
  out.push('  return Object.freeze(t);', '})();', '');
  return out.join('\n');
}

function emitErrors(tsv: string): string {
  const lines = tsv.split('\n').filter((l) => l.trim() !== '');
  const header = lines.shift();
  if (header?.split('\t').join(',') !== 'code,name,retriable,message') throw new Error('errors.tsv: unexpected header');
  const rows = lines.map((l) => {
    const [code, name, retriable, message = ''] = l.split('\t');
    if (code === undefined || name === undefined || !/^-?\d+$/.test(code) || !/^[A-Z0-9_]+$/.test(name)) {
      throw new Error(`errors.tsv: bad line ${JSON.stringify(l)}`);
    }
    if (retriable !== 'true' && retriable !== 'false') throw new Error(`errors.tsv: bad retriable in ${name}`);
    return { code: Number(code), name, retriable: retriable === 'true', message };
  });
  const out: string[] = [HEADER, ''];
  out.push('/** A Kafka error code with its name, whether clients retry it, and its default message. */');
  out.push(
    'export interface ErrorInfo {',
    '  readonly code: number;',
    '  readonly name: string;',
    '  readonly retriable: boolean;',
    '  readonly message: string;',
    '}',
    '',
  );
  out.push('/** Kafka error codes by name. */', 'export const ErrorCode = {');
  for (const r of rows) out.push(`  ${r.name}: ${r.code},`);
  out.push('} as const;', '', 'export type ErrorName = keyof typeof ErrorCode;', '');
  out.push('/** Frozen error descriptions indexed by code + 1 (UNKNOWN_SERVER_ERROR is -1). */');
  out.push('const ERRORS: readonly (ErrorInfo | undefined)[] = (() => {', '  const t: (ErrorInfo | undefined)[] = [];');
  for (const r of rows) {
    out.push(
      `  t[${r.code + 1}] = Object.freeze({ code: ${r.code}, name: '${r.name}', retriable: ${r.retriable}, message: ${JSON.stringify(r.message)} });`,
    );
  }
  out.push('  return Object.freeze(t);', '})();', '');
  out.push('/** The description of an error code, or undefined for a code Kafka does not define. */');
  out.push('export function errorInfo(code: number): ErrorInfo | undefined {', '  return ERRORS[code + 1];', '}', '');
  return out.join('\n');
}

export function generate(specDir: string, outDir: string): number {
  const loaded: Loaded[] = [];
  for (const dir of ['messages', 'metadata', 'internal']) {
    const files = readdirSync(join(specDir, dir))
      .filter((f) => f.endsWith('.json'))
      .sort();
    for (const file of files) {
      const spec = loadMessage(join(specDir, dir, file));
      if (loaded.some((l) => l.model.spec.name === spec.name))
        throw new Error(`${dir}/${file}: ${spec.name} defined twice`);
      const model = buildModel(spec);
      loaded.push({ model, dir, file, module: `${dir}/${kebabCase(spec.name)}.js` });
    }
  }
  rmSync(outDir, { recursive: true, force: true });
  for (const l of loaded) {
    const path = join(outDir, l.module.replace(/\.js$/, '.ts'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, emitMessageFile(l.model, `${l.dir}/${l.file}`));
  }
  writeFileSync(join(outDir, 'api-table.ts'), emitApiTable(loaded));
  writeFileSync(join(outDir, 'metadata-records.ts'), emitMetadataTable(loaded));
  writeFileSync(join(outDir, 'errors.ts'), emitErrors(readFileSync(join(specDir, 'errors.tsv'), 'utf8')));
  const index: string[] = [HEADER, ''];
  index.push(
    "export * from './api-table.js';",
    "export * from './errors.js';",
    "export * from './metadata-records.js';",
  );
  for (const l of loaded) index.push(`export { ${l.model.spec.name} } from './${l.module}';`);
  writeFileSync(join(outDir, 'index.ts'), `${index.join('\n')}\n`);
  return loaded.length;
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const args = process.argv.slice(2);
  const arg = (flag: string, fallback: string): string => {
    const i = args.indexOf(flag);
    return i >= 0 && args[i + 1] !== undefined ? resolve(args[i + 1] as string) : fallback;
  };
  const specDir = arg('--spec', resolve(root, '../shared/kafka-protocol'));
  const outDir = arg('--out', resolve(root, 'packages/protocol/src/generated'));
  const count = generate(specDir, outDir);
  console.log(`protocol-gen: ${count} messages written to ${outDir}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
