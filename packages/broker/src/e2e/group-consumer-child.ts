/**
 * A KafkaJS group consumer in a child process, for tests that kill it with SIGKILL (so
 * it never leaves the group and only the session timeout removes it):
 *
 *   node group-consumer-child.js <bootstrap> <groupId> <topic> [consumer config JSON]
 *
 * Writes one JSON line per event on stdout: `{"join":{"memberId","partitions"}}` after
 * each rebalance and `{"m":[partition, offset, value]}` per message, written before
 * KafkaJS commits it (stdout to a pipe is synchronous on Linux). Not a test file itself
 * (the name does not match the runner's patterns); groups-kafkajs.test.ts starts it.
 */
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;
const [bootstrap, groupId, topic, configJson] = process.argv.slice(2);
if (bootstrap === undefined || groupId === undefined || topic === undefined) {
  process.stderr.write('usage: group-consumer-child.js <bootstrap> <groupId> <topic> [config JSON]\n');
  process.exit(2);
}
// Never outlive the test that started this: it holds our stdin, which closes when it exits.
process.stdin.on('end', () => process.exit(3));
process.stdin.on('error', () => process.exit(3));
process.stdin.resume();
setTimeout(() => process.exit(4), 120_000).unref();

const config = JSON.parse(configJson ?? '{}') as Record<string, number>;
const kafka = new Kafka({
  clientId: 'gregor-e2e-child',
  brokers: [bootstrap],
  logLevel: logLevel.NOTHING,
  retry: { retries: 10, initialRetryTime: 50, maxRetryTime: 500 },
});
const consumer = kafka.consumer({ groupId, ...config });
consumer.on(consumer.events.GROUP_JOIN, (e) => {
  const partitions = (e.payload.memberAssignment[topic] ?? []) as number[];
  process.stdout.write(`${JSON.stringify({ join: { memberId: e.payload.memberId, partitions } })}\n`);
});
consumer.on(consumer.events.CRASH, (e) => {
  process.stderr.write(`crash: ${String(e.payload.error)}\n`);
});
await consumer.connect();
await consumer.subscribe({ topics: [topic], fromBeginning: true });
await consumer.run({
  eachMessage: async ({ partition, message }) => {
    process.stdout.write(`${JSON.stringify({ m: [partition, Number(message.offset), message.value?.toString()] })}\n`);
  },
});
