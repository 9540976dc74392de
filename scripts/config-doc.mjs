#!/usr/bin/env node
// Writes docs/configuration.md from the configuration definitions
// (packages/broker/src/config/definitions.ts), so the reference cannot drift from the
// code. Run after a build: `node scripts/config-doc.mjs` (`--check` fails on a difference).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROKER_CONFIGS, TOPIC_CONFIGS } from '../packages/broker/dist/config/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'docs', 'configuration.md');
const cell = (s) =>
  String(s ?? '')
    .replaceAll('|', '\\|')
    .replaceAll('\n', ' ');
const def = (d) => (d.default === null ? '(none)' : d.default === '' ? '""' : `\`${cell(d.default)}\``);

const out = [
  '# Configuration reference',
  '',
  'Generated from `packages/broker/src/config/definitions.ts` by `scripts/config-doc.mjs`;',
  'do not edit by hand.',
  '',
  "Gregor reads Kafka's settings with Kafka's names, types and defaults. Precedence, lowest",
  'first: the defaults below; a `server.properties` file (`npm start -- FILE`, or',
  '`GREGOR_CONFIG=FILE`); `GREGOR_*` environment variables (the name upper-cased with `.`',
  'as `_`, a literal `_` as `__` and `-` as `___`, as the Apache Kafka Docker image does:',
  '`GREGOR_LOG_RETENTION_HOURS=24`); command-line `--override NAME=VALUE`, `--data-dir DIR`',
  '(log.dirs) and `--port PORT` (listeners). Unknown names and invalid values are all',
  "reported together at start, and the broker does not start. Settings that tune Kafka's",
  'JVM implementation are accepted with a warning that they have no effect.',
  '',
  '## Broker settings',
  '',
  '| name | type | default | description |',
  '|---|---|---|---|',
];
for (const [name, d] of Object.entries(BROKER_CONFIGS)) {
  const notes = [
    d.doc,
    d.dynamic ? '(dynamic)' : '',
    d.noEffect ? `No effect in Gregor: ${d.noEffect}.` : '',
    d.gregor ? `Gregor: ${d.gregor}` : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  out.push(`| \`${name}\` | ${d.type} | ${def(d)} | ${cell(notes)} |`);
}
out.push(
  '',
  '## Topic settings',
  '',
  'Set per topic (CreateTopics, AlterConfigs, IncrementalAlterConfigs); a topic without an',
  'override takes the broker setting named in the last column, else the default.',
  '',
  '| name | type | default | description | broker setting |',
  '|---|---|---|---|---|',
);
for (const [name, d] of Object.entries(TOPIC_CONFIGS)) {
  const notes = [d.doc, d.noEffect ? `No effect in Gregor: ${d.noEffect}.` : '', d.gregor ? `Gregor: ${d.gregor}` : '']
    .filter((s) => s !== '')
    .join(' ');
  const synonyms = (d.synonyms ?? []).map((s) => `\`${s.name}\``).join(', ');
  out.push(`| \`${name}\` | ${d.type} | ${def(d)} | ${cell(notes)} | ${synonyms} |`);
}
const text = `${out.join('\n')}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('docs/configuration.md is out of date: run `node scripts/config-doc.mjs`');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
