#!/usr/bin/env node
// The receiving end of the loopback limit in bench/broker.mjs: listens on 127.0.0.1 (a
// free port, printed as `READY <port>`), reads each connection to its end counting the
// bytes, answers with the count (8 bytes) and closes it. Exits on SIGTERM.
import { createServer } from 'node:net';

const server = createServer((socket) => {
  let bytes = 0;
  socket.on('data', (chunk) => {
    bytes += chunk.length;
  });
  socket.on('end', () => {
    const answer = Buffer.alloc(8);
    answer.writeBigUInt64BE(BigInt(bytes));
    socket.end(answer);
  });
  socket.on('error', () => socket.destroy());
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${server.address().port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
