#!/usr/bin/env node
/** The `gregor` executable (see cli.ts). */
import { runCli } from './cli.js';

// A reader that goes away (`gregor consume T | head -1`) makes writes fail with EPIPE;
// write() in io.ts turns that into the command's quiet end, so the stream's own 'error'
// event must not crash the process with a stack trace.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `gregor: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
