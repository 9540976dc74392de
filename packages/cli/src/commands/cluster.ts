/** `gregor cluster describe`: the cluster id, the controller and the brokers. */

import { clientOptions, emit, timeoutFrom, withAdmin } from '../clients.js';
import { CONNECTION_FLAGS, CONNECTION_HELP, type Command, parseFlags } from '../command.js';
import { ExitCode, table, UsageError } from '../io.js';

export const clusterDescribe: Command = {
  name: 'cluster describe',
  summary: 'show the cluster id, the controller and the brokers',
  help: `Usage: gregor cluster describe [--bootstrap-server HOST:PORT] [--json]

      --timeout MS                  how long to wait for the cluster (default 15000)
${CONNECTION_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { ...CONNECTION_FLAGS, timeout: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const timeoutMs = timeoutFrom(values);
    const cluster = await withAdmin(clientOptions(values, io, timeoutMs), (admin) => admin.describeCluster());
    await emit(
      io,
      values.json === true,
      cluster,
      (c) =>
        `Cluster: ${c.clusterId ?? '-'}  Controller: ${c.controllerId}\n` +
        table(
          ['BROKER', 'HOST', 'PORT', 'RACK'],
          c.brokers.map((b) => [String(b.nodeId), b.host, String(b.port), b.rack ?? '-']),
        ),
    );
    return ExitCode.OK;
  },
};
