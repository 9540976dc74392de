/**
 * Options every client (producer, consumer, admin) shares. Names are Kafka's config
 * names in camelCase with the unit last (`request.timeout.ms` → `requestTimeoutMs`),
 * and the defaults are Kafka's.
 */
import { ConfigError } from './errors.js';

/** A pino-compatible logger; pass a pino instance or anything with these methods. */
export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

const SILENT: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface ClientOptions {
  /** `bootstrap.servers`: where to find the cluster, `host:port` (IPv6 as `[::1]:9092`). */
  bootstrapServers: string | readonly string[];
  /** `client.id`, sent with every request and shown in broker logs and quotas. */
  clientId?: string;
  /** `request.timeout.ms`: how long to wait for one response. Default 30000. */
  requestTimeoutMs?: number;
  /** `socket.connection.setup.timeout.ms`: how long a new connection may take. Default 10000. */
  connectionTimeoutMs?: number;
  /** `retry.backoff.ms`: first wait before a retry. Default 100. */
  retryBackoffMs?: number;
  /** `retry.backoff.max.ms`: longest wait between retries. Default 1000. */
  retryBackoffMaxMs?: number;
  /** `metadata.max.age.ms`: refresh cluster metadata at least this often. Default 300000. */
  metadataMaxAgeMs?: number;
  /** `default.api.timeout.ms`: time allowed for a whole operation, retries included. Default 60000. */
  defaultApiTimeoutMs?: number;
  /** Where diagnostics go; silent by default. */
  logger?: Logger;
}

/** A `host:port` address. */
export interface BrokerAddress {
  readonly host: string;
  readonly port: number;
}

export interface ResolvedClientOptions {
  readonly bootstrapServers: readonly BrokerAddress[];
  readonly clientId: string;
  readonly requestTimeoutMs: number;
  readonly connectionTimeoutMs: number;
  readonly retryBackoffMs: number;
  readonly retryBackoffMaxMs: number;
  readonly metadataMaxAgeMs: number;
  readonly defaultApiTimeoutMs: number;
  readonly logger: Logger;
}

/** Parses `host:port` or `[v6]:port`. */
export function parseBrokerAddress(text: string): BrokerAddress {
  const trimmed = text.trim();
  const match = /^(?:\[([^\]]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(trimmed);
  const port = match === null ? Number.NaN : Number(match[3]);
  if (match === null || port < 1 || port > 65535) {
    throw new ConfigError(`bootstrapServers: '${text}' is not host:port`);
  }
  return { host: (match[1] ?? match[2]) as string, port };
}

/** The largest value a timer or an int32 field can hold: Kafka's Integer.MAX_VALUE. */
export const INT32_MAX = 0x7fffffff;

/** Checks an integer option in [min, max] and returns it or its default. */
export function intOption(name: string, value: number | undefined, fallback: number, min = 0, max = INT32_MAX): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  if (typeof options !== 'object' || options === null) throw new ConfigError('options are required');
  const servers =
    typeof options.bootstrapServers === 'string' ? options.bootstrapServers.split(',') : options.bootstrapServers;
  if (!Array.isArray(servers) || servers.length === 0) {
    throw new ConfigError('bootstrapServers: at least one host:port is required');
  }
  const clientId = options.clientId ?? 'gregor-client';
  if (typeof clientId !== 'string') throw new ConfigError('clientId must be a string');
  return {
    bootstrapServers: servers.map(parseBrokerAddress),
    clientId,
    requestTimeoutMs: intOption('requestTimeoutMs', options.requestTimeoutMs, 30_000, 1),
    connectionTimeoutMs: intOption('connectionTimeoutMs', options.connectionTimeoutMs, 10_000, 1),
    retryBackoffMs: intOption('retryBackoffMs', options.retryBackoffMs, 100),
    retryBackoffMaxMs: intOption('retryBackoffMaxMs', options.retryBackoffMaxMs, 1_000),
    metadataMaxAgeMs: intOption('metadataMaxAgeMs', options.metadataMaxAgeMs, 300_000),
    defaultApiTimeoutMs: intOption('defaultApiTimeoutMs', options.defaultApiTimeoutMs, 60_000, 1),
    logger: options.logger ?? SILENT,
  };
}
