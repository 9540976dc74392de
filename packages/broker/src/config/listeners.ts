/**
 * The address settings: `listeners` / `advertised.listeners` (`NAME://host:port`),
 * `listener.security.protocol.map` (`NAME:PROTOCOL`), `controller.quorum.voters`
 * (`id@host:port`) and `controller.quorum.bootstrap.servers` (`host:port`).
 *
 * As in Kafka: listener names are case-insensitive and normalised to upper case; an
 * empty host binds every interface; IPv6 literals go in brackets (`SSL://[::1]:9093`);
 * names must be unique, and ports too, except that an IPv4 and an IPv6 listener may
 * share one. Port 0 binds an ephemeral port (handy in tests).
 */

export const SecurityProtocol = {
  PLAINTEXT: 'PLAINTEXT',
  SSL: 'SSL',
  SASL_PLAINTEXT: 'SASL_PLAINTEXT',
  SASL_SSL: 'SASL_SSL',
} as const;
export type SecurityProtocol = (typeof SecurityProtocol)[keyof typeof SecurityProtocol];

const PROTOCOLS: readonly string[] = Object.values(SecurityProtocol);

export interface Listener {
  /** Upper case, e.g. `PLAINTEXT`, `INTERNAL`. */
  readonly name: string;
  /** Empty for every interface; IPv6 literals without their brackets. */
  readonly host: string;
  readonly port: number;
}

/** A listener with the security protocol `listener.security.protocol.map` gives it. */
export interface ResolvedListener extends Listener {
  readonly securityProtocol: SecurityProtocol;
}

export interface QuorumVoter {
  readonly id: number;
  readonly host: string;
  readonly port: number;
}

/** Thrown by the throwing parsers; `problems` has one line per bad item. */
export class ListenerSyntaxError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'ListenerSyntaxError';
  }
}

const NAME = /^[A-Za-z0-9_-]+$/;
const HOSTNAME = /^[A-Za-z0-9._-]*$/;
const IPV6 = /^[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export type Parsed<T> = { readonly ok: T } | { readonly reason: string };

/** `host:port` or `[v6]:port` → host (brackets removed) and port. */
function parseHostPort(s: string, allowEmptyHost: boolean): Parsed<{ host: string; port: number }> {
  let host: string;
  let portText: string;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close < 0) return { reason: 'an IPv6 address needs a closing bracket' };
    host = s.slice(1, close);
    if (!IPV6.test(host)) return { reason: `"${host}" is not an IPv6 address` };
    if (s[close + 1] !== ':') return { reason: 'expected ":port" after the address' };
    portText = s.slice(close + 2);
  } else {
    const colon = s.lastIndexOf(':');
    if (colon < 0) return { reason: 'no port (expected host:port)' };
    host = s.slice(0, colon);
    portText = s.slice(colon + 1);
    if (host.includes(':')) return { reason: 'an IPv6 address goes in brackets, e.g. [::1]:9092' };
    if (!HOSTNAME.test(host)) return { reason: `"${host}" is not a valid host name` };
  }
  if (!allowEmptyHost && host === '') return { reason: 'the host is empty' };
  if (!/^\d+$/.test(portText)) return { reason: `the port "${portText}" is not a number` };
  const port = Number(portText);
  if (port > 65535) return { reason: `the port ${port} is outside 0-65535` };
  return { ok: { host, port } };
}

/** One `NAME://host:port`. */
export function parseListener(s: string): Parsed<Listener> {
  const sep = s.indexOf('://');
  if (sep < 0) return { reason: 'expected NAME://host:port' };
  const name = s.slice(0, sep);
  if (!NAME.test(name)) return { reason: `"${name}" is not a valid listener name (letters, digits, _ and -)` };
  const hp = parseHostPort(s.slice(sep + 3), true);
  if ('reason' in hp) return hp;
  return { ok: { name: name.toUpperCase(), host: hp.ok.host, port: hp.ok.port } };
}

function family(host: string): 'v4' | 'v6' | 'name' {
  if (IPV4.test(host)) return 'v4';
  if (host.includes(':')) return 'v6';
  return 'name';
}

/** True for the addresses that mean "every interface", which cannot be advertised. */
export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '0:0:0:0:0:0:0:0';
}

/**
 * Checks a listener list without throwing: each problem names the bad item.
 * `advertised` applies the rules of `advertised.listeners` (ports may repeat, no
 * wildcard host) instead of those of `listeners`.
 */
export function checkListeners(
  items: readonly string[],
  advertised = false,
): { listeners: Listener[]; problems: string[] } {
  const listeners: Listener[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const p = parseListener(item);
    if ('reason' in p) {
      problems.push(`${item}: ${p.reason}`);
      continue;
    }
    const l = p.ok;
    if (advertised && isWildcardHost(l.host)) {
      problems.push(`${item}: the wildcard address ${l.host} cannot be advertised`);
      continue;
    }
    if (listeners.some((o) => o.name === l.name)) {
      problems.push(`${item}: the listener name ${l.name} is used twice`);
      continue;
    }
    if (!advertised) {
      const clash = listeners.find(
        (o) =>
          o.port === l.port &&
          l.port !== 0 &&
          !(
            (family(o.host) === 'v4' && family(l.host) === 'v6') ||
            (family(o.host) === 'v6' && family(l.host) === 'v4')
          ),
      );
      if (clash !== undefined) {
        problems.push(`${item}: port ${l.port} is already used by listener ${clash.name}`);
        continue;
      }
    }
    listeners.push(l);
  }
  return { listeners, problems };
}

/**
 * Parses a `listeners` value (a comma-separated string or its items), e.g.
 * `parseListeners('PLAINTEXT://:9092,INTERNAL://127.0.0.1:9093')`. Throws a
 * `ListenerSyntaxError` naming every bad item.
 */
export function parseListeners(value: string | readonly string[], advertised = false): Listener[] {
  const items = typeof value === 'string' ? splitList(value) : value;
  const { listeners, problems } = checkListeners(items, advertised);
  if (problems.length > 0) throw new ListenerSyntaxError(problems);
  return listeners;
}

function splitList(s: string): string[] {
  const t = s.trim();
  return t === '' ? [] : t.split(/\s*,\s*/);
}

/** Parses `listener.security.protocol.map` (`NAME:PROTOCOL,...`). */
export function checkSecurityProtocolMap(value: string): {
  map: Map<string, SecurityProtocol>;
  problems: string[];
} {
  const map = new Map<string, SecurityProtocol>();
  const problems: string[] = [];
  for (const item of splitList(value)) {
    const colon = item.indexOf(':');
    if (colon < 0) {
      problems.push(`${item}: expected NAME:PROTOCOL`);
      continue;
    }
    const name = item.slice(0, colon).trim().toUpperCase();
    const protocol = item
      .slice(colon + 1)
      .trim()
      .toUpperCase();
    if (!NAME.test(name)) {
      problems.push(`${item}: "${name}" is not a valid listener name`);
    } else if (!PROTOCOLS.includes(protocol)) {
      problems.push(`${item}: unknown security protocol ${protocol} (one of ${PROTOCOLS.join(', ')})`);
    } else if (map.has(name)) {
      problems.push(`${item}: listener ${name} is mapped twice`);
    } else {
      map.set(name, protocol as SecurityProtocol);
    }
  }
  return { map, problems };
}

/** One `controller.quorum.voters` item: `id@host:port`. */
export function parseQuorumVoter(s: string): Parsed<QuorumVoter> {
  const at = s.indexOf('@');
  if (at < 0) return { reason: 'expected id@host:port' };
  const idText = s.slice(0, at);
  if (!/^\d+$/.test(idText) || Number(idText) > 2147483647) return { reason: `the node id "${idText}" is not valid` };
  const hp = parseHostPort(s.slice(at + 1), false);
  if ('reason' in hp) return hp;
  if (hp.ok.port === 0) return { reason: 'the port must not be 0' };
  return { ok: { id: Number(idText), host: hp.ok.host, port: hp.ok.port } };
}

/** Checks a `controller.quorum.voters` list: items well formed, each id once. */
export function checkQuorumVoters(items: readonly string[]): { voters: QuorumVoter[]; problems: string[] } {
  const voters: QuorumVoter[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const p = parseQuorumVoter(item);
    if ('reason' in p) problems.push(`${item}: ${p.reason}`);
    else if (voters.some((v) => v.id === p.ok.id)) problems.push(`${item}: voter id ${p.ok.id} appears twice`);
    else voters.push(p.ok);
  }
  return { voters, problems };
}

/** One `host:port` of `controller.quorum.bootstrap.servers`; the reason or null. */
export function checkHostPort(s: string): string | null {
  const hp = parseHostPort(s, false);
  if ('reason' in hp) return hp.reason;
  return hp.ok.port === 0 ? 'the port must not be 0' : null;
}
