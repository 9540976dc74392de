import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main } from './main.js';

/** Runs the CLI, capturing what it writes. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  return { code, out, err };
}

describe('sim CLI', () => {
  it('runs a seed and prints its summary', async () => {
    const { code, out } = await run(['raft', '--seed', '3']);
    assert.equal(code, 0);
    assert.match(out, /^seed 3 ok: voters \[/);
  });

  it('prints the event trace of a seed with --verbose', async () => {
    const { code, out } = await run(['raft', '--seed', '3', '--verbose']);
    assert.equal(code, 0);
    assert.match(out, /seed 3: voters/);
    assert.match(out, /deliver \d+->\d+ Fetch\(/);
    assert.match(out, /converged: /);
  });

  it('exits 1 naming the failed seeds when a bug is caught', async () => {
    const { code, err } = await run(['raft', '--seed', '1', '--seeds', '3', '--bug', 'grant-every-vote']);
    assert.equal(code, 1);
    assert.match(err, /raft simulation failed for seed \d+/);
    assert.match(err, /seeds failed: /);
  });

  it('runs seeds for a wall-time budget with --for', async () => {
    const { code, out } = await run(['raft', '--seed', '5', '--for', '1']);
    assert.equal(code, 0);
    assert.match(out, /^seed 5 ok: /);
  });

  it('rejects bad usage with exit status 2', async () => {
    for (const argv of [
      ['raft', '--seeds', '2', '--for', '1'],
      ['raft', '--for', '0'],
      [],
      ['kafka'],
      ['raft', '--seed', '-1'],
      ['raft', '--seeds', '0'],
      ['raft', '--bug', 'x'],
      ['raft', '--nope'],
    ]) {
      const { code, err } = await run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(err, /usage: /);
    }
  });
});
