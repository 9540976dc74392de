#!/usr/bin/env node
// Makes `npm test` and `npm start` work on a fresh clone: installs the locked
// dependencies when node_modules is missing or older than package-lock.json.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.gregor-lock-hash');
const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');

// npm records what it installed in node_modules/.package-lock.json: an install newer
// than the lock file (as right after `npm ci`) is taken as current.
const hidden = join(root, 'node_modules', '.package-lock.json');
const installedAfterLock = existsSync(hidden) && statSync(hidden).mtimeMs >= statSync(lock).mtimeMs;

if (existsSync(stamp) ? readFileSync(stamp, 'utf8') !== hash : !installedAfterLock) {
  console.log('Installing dependencies (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
if (existsSync(join(root, 'node_modules'))) writeFileSync(stamp, hash);
