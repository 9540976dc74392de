#!/usr/bin/env node
// `npm start`: the single-node broker. Not built yet; it arrives with the broker work.
console.error('Gregor: the broker is not built yet (the protocol foundation is). See README.md.');
process.exit(1);
