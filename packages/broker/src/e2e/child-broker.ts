/**
 * A broker in a child process, for tests that kill it with SIGKILL:
 *
 *   node child-broker.js <logDir> [settings as JSON]
 *
 * Prints `port <n>` on stdout once it listens, then runs until killed. SIGTERM stops it
 * cleanly (every log closed) and exits 0. Not a test file itself (the name does not match
 * the runner's patterns); durability.test.ts starts it.
 */
import type { BrokerSettings } from '../broker.js';
import { startTestBroker } from '../testing.js';

const logDir = process.argv[2];
if (logDir === undefined) {
  process.stderr.write('usage: child-broker.js <logDir> [settings JSON]\n');
  process.exit(2);
}
// Never outlive the test that started this: it holds our stdin, which closes when it exits.
process.stdin.on('end', () => process.exit(3));
process.stdin.on('error', () => process.exit(3));
process.stdin.resume();
setTimeout(() => process.exit(4), 300_000).unref();
const settings = JSON.parse(process.argv[3] ?? '{}') as Partial<BrokerSettings>;
const tb = await startTestBroker({ logDir, settings });
process.stdout.write(`port ${tb.port}\n`);
process.on('SIGTERM', () => {
  tb.stop(true).then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`stop failed: ${String(e)}\n`);
      process.exit(1);
    },
  );
});
