/**
 * Loading and reading the broker's settings.
 *
 * Precedence, lowest first: the table's defaults < the properties file <
 * environment variables `GREGOR_*` < command-line overrides. All three count as
 * "static" (DescribeConfigs source STATIC_BROKER_CONFIG), as Kafka's `--override`
 * does. Dynamic settings (IncrementalAlterConfigs on a broker resource) sit above them:
 * the cluster-wide default (DYNAMIC_DEFAULT_BROKER_CONFIG), then the per-broker one
 * (DYNAMIC_BROKER_CONFIG).
 *
 * Environment variables follow the convention of Kafka's Docker image, with Gregor's
 * prefix: upper case, `.` → `_`, `_` → `__`, `-` → `___`. So `GREGOR_LOG_DIRS` sets
 * `log.dirs`, `GREGOR_LOG_RETENTION_HOURS` sets `log.retention.hours`, and
 * `GREGOR_GREGOR_LOG_DURABLE` sets `gregor.log.durable`. Variables named in
 * `NON_CONFIG_ENV_VARS` are left for other uses.
 *
 * Every problem is collected, and loading throws one `ConfigError` naming each setting,
 * where its value came from and what is wrong: unknown names (with a suggestion),
 * values that do not parse or are out of range, and settings that contradict each
 * other. Kafka settings that mean nothing here are accepted and listed in `warnings`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { BrokerConfigName, ConfigDefinition } from './definitions.js';
import {
  BROKER_CONFIGS,
  brokerSynonymsOf,
  lookupBroker,
  lookupTopic,
  parseConfig,
  TOPIC_CONFIGS,
  UNSUPPORTED_PREFIXES,
} from './definitions.js';
import type { Listener, QuorumVoter, ResolvedListener, SecurityProtocol } from './listeners.js';
import { checkListeners, checkQuorumVoters, checkSecurityProtocolMap } from './listeners.js';
import { PropertiesSyntaxError, parsePropertyEntries } from './properties.js';
import { TypedConfigView } from './typed-config.js';
import type { ConfigType, ConfigValue } from './values.js';

/** DescribeConfigs `ConfigSource` ids (the wire calls 1 TOPIC_CONFIG; the admin client DYNAMIC_TOPIC_CONFIG). */
export const ConfigSource = {
  UNKNOWN: 0,
  DYNAMIC_TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
  DYNAMIC_BROKER_LOGGER_CONFIG: 6,
  CLIENT_METRICS_CONFIG: 7,
  GROUP_CONFIG: 8,
} as const;
export type ConfigSourceName = keyof typeof ConfigSource;

/** One synonym of a DescribeConfigs entry (v1+). */
export interface ConfigSynonym {
  readonly name: string;
  /** Null for sensitive settings. */
  readonly value: string | null;
  readonly source: ConfigSourceName;
}

/** One DescribeConfigs result entry. */
export interface ConfigEntry {
  readonly name: string;
  /** Null when the setting has no value, or is sensitive. */
  readonly value: string | null;
  readonly source: ConfigSourceName;
  readonly isSensitive: boolean;
  readonly readOnly: boolean;
  readonly type: ConfigType;
  readonly documentation: string;
  readonly synonyms: readonly ConfigSynonym[];
}

/** A problem with one setting, or between settings (then `name` is the first of them). */
export interface ConfigProblem {
  readonly name: string;
  /** The offending value as written, when there is one. */
  readonly value: string | null;
  /** Where the value came from: `server.properties line 7`, `env GREGOR_NUM_PARTITIONS`, `override`, `dynamic`. */
  readonly origin: string | null;
  readonly reason: string;
}

function describeProblem(p: ConfigProblem): string {
  const value = p.value === null ? '' : ` = ${JSON.stringify(p.value)}`;
  const origin = p.origin === null ? '' : ` (${p.origin})`;
  return `${p.name}${value}${origin}: ${p.reason}`;
}

/** Every problem of a configuration, thrown together. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    const n = problems.length;
    super(
      `Invalid configuration (${n} problem${n === 1 ? '' : 's'}):\n${problems.map((p) => `  ${describeProblem(p)}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** An explicitly set value and where it came from. */
interface Setting {
  readonly value: ConfigValue;
  readonly text: string;
  readonly origin: string;
}

type Layer = ReadonlyMap<string, Setting>;

/** The layers above the defaults, highest first, with their DescribeConfigs source. */
const LAYER_SOURCES = ['DYNAMIC_BROKER_CONFIG', 'DYNAMIC_DEFAULT_BROKER_CONFIG', 'STATIC_BROKER_CONFIG'] as const;
type LayerSource = (typeof LAYER_SOURCES)[number];

/** `GREGOR_*` variables that are not settings (the launcher's, the logger's). */
export const NON_CONFIG_ENV_VARS: ReadonlySet<string> = new Set(['GREGOR_CONFIG', 'GREGOR_LOG_LEVEL']);

const ENV_PREFIX = 'GREGOR_';

/** The setting name of a `GREGOR_*` variable, or the reason it has none. */
export function envToConfigName(variable: string): { name: string } | { reason: string } {
  const body = variable.slice(ENV_PREFIX.length);
  if (!/^[A-Za-z0-9_]+$/.test(body)) return { reason: 'not of the form GREGOR_NAME (letters, digits, underscores)' };
  let name = '';
  for (const part of body.split(/(_+)/)) {
    if (!part.startsWith('_')) name += part.toLowerCase();
    else if (part.length === 1) name += '.';
    else if (part.length === 2) name += '_';
    else if (part.length === 3) name += '-';
    else return { reason: `a run of ${part.length} underscores is ambiguous (_ is ".", __ "_", ___ "-")` };
  }
  return { name };
}

/** The `GREGOR_*` variable that sets a setting: `log.dirs` → `GREGOR_LOG_DIRS`. */
export function configNameToEnv(name: string): string {
  return ENV_PREFIX + name.replace(/_/g, '__').replace(/-/g, '___').replace(/\./g, '_').toUpperCase();
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** Why a broker setting name is not accepted. */
function unknownBrokerSetting(name: string): string {
  for (const [prefix, reason] of UNSUPPORTED_PREFIXES) {
    if (name.startsWith(prefix)) return `not supported: ${reason}`;
  }
  const topic = lookupTopic(name);
  if (topic !== undefined) {
    const synonym = TOPIC_CONFIGS[name as keyof typeof TOPIC_CONFIGS].synonyms[0];
    const hint = synonym === undefined ? '' : `; its broker default is ${synonym.name}`;
    return `unknown broker setting: ${name} is a topic setting${hint}`;
  }
  let best: string | null = null;
  let bestDistance = 4;
  for (const candidate of Object.keys(BROKER_CONFIGS)) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === null ? 'unknown setting' : `unknown setting (did you mean ${best}?)`;
}

interface Assignment {
  readonly name: string;
  readonly raw: string;
  readonly origin: string;
}

/** Parses assignments into a layer, collecting problems; later assignments win. */
function buildLayer(
  assignments: readonly Assignment[],
  problems: ConfigProblem[],
  warnings: string[],
  dynamic: boolean,
): Map<string, Setting> {
  const winners = new Map<string, Assignment>();
  for (const a of assignments) {
    if (lookupBroker(a.name) === undefined) {
      problems.push({ name: a.name, value: a.raw, origin: a.origin, reason: unknownBrokerSetting(a.name) });
    } else {
      winners.set(a.name, a);
    }
  }
  const layer = new Map<string, Setting>();
  for (const a of winners.values()) {
    const def = lookupBroker(a.name)!;
    if (dynamic && def.dynamic !== true) {
      problems.push({
        name: a.name,
        value: a.raw,
        origin: a.origin,
        reason: 'cannot be changed at run time (read-only)',
      });
      continue;
    }
    const parsed = parseConfig(def, a.raw);
    if ('reason' in parsed) {
      problems.push({ name: a.name, value: a.raw, origin: a.origin, reason: parsed.reason });
      continue;
    }
    layer.set(a.name, { value: parsed.value, text: parsed.text, origin: a.origin });
    if (def.noEffect !== undefined)
      warnings.push(`${a.name} (${a.origin}): accepted, but has no effect in Gregor: ${def.noEffect}`);
  }
  return layer;
}

export interface LoadBrokerConfigOptions {
  /** A Kafka-style `server.properties` file. */
  readonly file?: string;
  /** Command-line overrides (`--override name=value`), by setting name. */
  readonly overrides?: Readonly<Record<string, string>>;
  /** The environment to read `GREGOR_*` variables from; `process.env` when omitted. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Loads the broker's settings: defaults < `file` < `env` < `overrides`. Throws a
 * `ConfigError` with every problem; returns the warnings (settings without effect,
 * settings hidden by others).
 */
export function loadBrokerConfig(options: LoadBrokerConfigOptions = {}): {
  config: BrokerConfig;
  warnings: string[];
} {
  const problems: ConfigProblem[] = [];
  const warnings: string[] = [];
  const assignments: Assignment[] = [];

  if (options.file !== undefined) {
    const file = options.file;
    let text: string | null = null;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      problems.push({ name: file, value: null, origin: null, reason: `cannot read the configuration file: ${reason}` });
    }
    if (text !== null) {
      try {
        for (const e of parsePropertyEntries(text)) {
          assignments.push({ name: e.key, raw: e.value, origin: `${basename(file)} line ${e.line}` });
        }
      } catch (e) {
        if (!(e instanceof PropertiesSyntaxError)) throw e;
        problems.push({ name: file, value: null, origin: `line ${e.line}`, reason: e.reason });
      }
    }
  }

  const env = options.env ?? process.env;
  for (const variable of Object.keys(env).sort()) {
    const raw = env[variable];
    if (!variable.startsWith(ENV_PREFIX) || raw === undefined || NON_CONFIG_ENV_VARS.has(variable)) continue;
    const mapped = envToConfigName(variable);
    if ('reason' in mapped) {
      problems.push({ name: variable, value: raw, origin: `env ${variable}`, reason: mapped.reason });
    } else {
      assignments.push({ name: mapped.name, raw, origin: `env ${variable}` });
    }
  }

  for (const [name, raw] of Object.entries(options.overrides ?? {})) {
    assignments.push({ name, raw, origin: 'override' });
  }

  const staticLayer = buildLayer(assignments, problems, warnings, false);

  // broker.id is node.id's older name: it gives the node id when node.id is not set.
  const brokerId = staticLayer.get('broker.id');
  const nodeId = staticLayer.get('node.id');
  if (brokerId !== undefined && (brokerId.value as number) >= 0) {
    if (nodeId === undefined) {
      staticLayer.set('node.id', {
        value: brokerId.value,
        text: brokerId.text,
        origin: `${brokerId.origin}, as broker.id`,
      });
    } else if (nodeId.value !== brokerId.value) {
      problems.push({
        name: 'broker.id',
        value: brokerId.text,
        origin: brokerId.origin,
        reason: `differs from node.id (${nodeId.text}, ${nodeId.origin}); set only node.id`,
      });
    }
  }

  const config = new BrokerConfig(staticLayer, new Map(), new Map());
  problems.push(...crossProblems(config, problems));
  if (problems.length > 0) throw new ConfigError(problems);
  warnings.push(...config.shadowWarnings());
  const queued = config.long('queued.max.request.bytes');
  if (queued <= 0)
    warnings.push(`queued.max.request.bytes=${queued}: requests read but not answered have no memory budget`);
  return { config, warnings };
}

/**
 * The broker's resolved settings: typed reads (`config.int('num.partitions')`), their
 * sources, the DescribeConfigs entries, and the derived values the broker needs
 * (node id, log directories, listeners). Immutable: dynamic changes make a new one.
 */
export class BrokerConfig extends TypedConfigView<typeof BROKER_CONFIGS> {
  /** @internal Use `loadBrokerConfig` or `BrokerConfig.defaults()`. */
  constructor(
    private readonly staticLayer: Layer,
    private readonly dynamicDefaultLayer: Layer,
    private readonly dynamicBrokerLayer: Layer,
  ) {
    super(BROKER_CONFIGS, 'broker');
  }

  /** The table's defaults alone (what `loadBrokerConfig({ env: {} })` gives). */
  static defaults(): BrokerConfig {
    return new BrokerConfig(new Map(), new Map(), new Map());
  }

  private layer(source: LayerSource): Layer {
    switch (source) {
      case 'DYNAMIC_BROKER_CONFIG':
        return this.dynamicBrokerLayer;
      case 'DYNAMIC_DEFAULT_BROKER_CONFIG':
        return this.dynamicDefaultLayer;
      case 'STATIC_BROKER_CONFIG':
        return this.staticLayer;
    }
  }

  /** The highest explicitly set value of a setting, and its source. */
  setting(name: string): (Setting & { readonly source: ConfigSourceName }) | undefined {
    for (const source of LAYER_SOURCES) {
      const s = this.layer(source).get(name);
      if (s !== undefined) return { ...s, source };
    }
    return undefined;
  }

  /** True when the setting was given a value (file, env, override or dynamic), not just defaulted. */
  isSet(name: BrokerConfigName): boolean {
    return this.setting(name) !== undefined;
  }

  protected resolved(name: string): ConfigValue | null {
    const s = this.setting(name);
    if (s !== undefined) return s.value;
    return defaultValue(lookupBroker(name)!);
  }

  /** The value's string form as DescribeConfigs shows it; null for none. */
  text(name: BrokerConfigName): string | null {
    return this.setting(name)?.text ?? defaultText(BROKER_CONFIGS[name]);
  }

  /** Where the value of a setting comes from. */
  source(name: BrokerConfigName): ConfigSourceName {
    return this.setting(name)?.source ?? 'DEFAULT_CONFIG';
  }

  /**
   * Values of the broker synonyms of a topic setting, Kafka's way: for each source
   * (dynamic broker, dynamic default, static, default), each synonym set there.
   */
  synonymsOf(names: readonly string[]): ConfigSynonym[] {
    const out: ConfigSynonym[] = [];
    for (const source of LAYER_SOURCES) {
      for (const name of names) {
        const s = this.layer(source).get(name);
        if (s !== undefined) out.push({ name, value: sensitive(name) ? null : s.text, source });
      }
    }
    for (const name of names) {
      const text = defaultText(lookupBroker(name)!);
      if (text !== null) out.push({ name, value: sensitive(name) ? null : text, source: 'DEFAULT_CONFIG' });
    }
    return out;
  }

  /** One DescribeConfigs entry of a broker setting. */
  entry(name: BrokerConfigName): ConfigEntry {
    const def: ConfigDefinition = BROKER_CONFIGS[name];
    const all = this.synonymsOf(brokerSynonymsOf(name));
    // As Kafka: drop the higher-precedence synonyms listed before this setting's own values.
    const start = all.findIndex((s) => s.name === name);
    const synonyms = start < 0 ? [] : all.slice(start);
    const isSensitive = def.type === 'PASSWORD';
    return {
      name,
      value: isSensitive ? null : this.text(name),
      source: synonyms[0]?.source ?? 'DEFAULT_CONFIG',
      isSensitive,
      readOnly: def.dynamic !== true,
      type: def.type,
      documentation: documentation(def),
      synonyms,
    };
  }

  /** Every broker setting, for DescribeConfigs of this broker. */
  entries(): ConfigEntry[] {
    return (Object.keys(BROKER_CONFIGS) as BrokerConfigName[]).map((name) => this.entry(name));
  }

  /**
   * A copy with new dynamic settings: `broker` replaces the per-broker layer,
   * `clusterDefault` the cluster-wide one (each as the full set of values, as stored
   * in the metadata log). Only dynamic settings may be given. Throws `ConfigError`.
   */
  withDynamicConfigs(layers: {
    readonly broker?: Readonly<Record<string, string>>;
    readonly clusterDefault?: Readonly<Record<string, string>>;
  }): BrokerConfig {
    const problems: ConfigProblem[] = [];
    const ignored: string[] = [];
    const build = (values: Readonly<Record<string, string>>, origin: string) =>
      buildLayer(
        Object.entries(values).map(([name, raw]) => ({ name, raw, origin })),
        problems,
        ignored,
        true,
      );
    const config = new BrokerConfig(
      this.staticLayer,
      layers.clusterDefault === undefined
        ? this.dynamicDefaultLayer
        : build(layers.clusterDefault, 'dynamic cluster default'),
      layers.broker === undefined ? this.dynamicBrokerLayer : build(layers.broker, 'dynamic'),
    );
    problems.push(...crossProblems(config, problems));
    if (problems.length > 0) throw new ConfigError(problems);
    return config;
  }

  // --- Derived values ---

  /** This node's id (node.id, or broker.id when only that was set). */
  nodeId(): number {
    return this.int('node.id');
  }

  /** The partition log directories: log.dirs, else log.dir. */
  logDirs(): readonly string[] {
    return this.list('log.dirs') ?? this.list('log.dir');
  }

  /** The metadata log directory: metadata.log.dir, else the first log directory. */
  metadataLogDir(): string {
    return this.string('metadata.log.dir') ?? this.logDirs()[0]!;
  }

  /** The controller listener names (upper case). */
  controllerListenerNames(): readonly string[] {
    return (this.list('controller.listener.names') ?? []).map((n) => n.toUpperCase());
  }

  /** `listener.security.protocol.map`, names upper case. */
  securityProtocolMap(): ReadonlyMap<string, SecurityProtocol> {
    return checkSecurityProtocolMap(this.string('listener.security.protocol.map')).map;
  }

  private resolve(listeners: readonly Listener[]): ResolvedListener[] {
    const map = this.securityProtocolMap();
    // crossCheck has made sure every listener is PLAINTEXT, by the map or (a controller
    // listener the map does not name) by KRaft's default.
    return listeners.map((l) => ({ ...l, securityProtocol: map.get(l.name) ?? 'PLAINTEXT' }));
  }

  /** Every listener, controller listeners included. */
  listeners(): ResolvedListener[] {
    return this.resolve(checkListeners(this.list('listeners')).listeners);
  }

  /** The listeners serving clients: all but the controller listeners. */
  brokerListeners(): ResolvedListener[] {
    const controller = this.controllerListenerNames();
    return this.listeners().filter((l) => !controller.includes(l.name));
  }

  /**
   * The addresses given to clients in Metadata: advertised.listeners, else the broker
   * listeners. An empty host (from listeners) is for the caller to fill, e.g. with
   * the local address of the client's connection; port 0 with the bound port.
   */
  advertisedListeners(): ResolvedListener[] {
    const advertised = this.list('advertised.listeners');
    if (advertised === null) return this.brokerListeners();
    const controller = this.controllerListenerNames();
    return this.resolve(checkListeners(advertised, true).listeners).filter((l) => !controller.includes(l.name));
  }

  /** The controller quorum's static voters (empty: this node alone). */
  quorumVoters(): QuorumVoter[] {
    return checkQuorumVoters(this.list('controller.quorum.voters')).voters;
  }

  /** Settings that contradict each other. */
  crossCheck(): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const at = (name: BrokerConfigName, reason: string) =>
      problems.push({ name, value: this.text(name), origin: this.setting(name)?.origin ?? 'default', reason });

    const roles = this.list('process.roles');
    const voters = this.quorumVoters();
    const bootstrap = this.list('controller.quorum.bootstrap.servers');
    if (roles.includes('controller')) {
      if (voters.length > 0 && !voters.some((v) => v.id === this.nodeId())) {
        at('controller.quorum.voters', `node.id ${this.nodeId()} must be one of the voters of a controller`);
      }
    } else if (voters.length === 0 && bootstrap.length === 0) {
      at('process.roles', 'a broker-only node needs controller.quorum.voters to find its controllers');
    }

    const listeners = checkListeners(this.list('listeners')).listeners;
    const names = new Set(listeners.map((l) => l.name));
    const map = this.securityProtocolMap();
    const controller = this.controllerListenerNames();
    for (const l of listeners) {
      const protocol = map.get(l.name) ?? (controller.includes(l.name) ? 'PLAINTEXT' : undefined);
      if (protocol === undefined) {
        at(
          'listeners',
          `no security protocol for listener ${l.name}: add ${l.name}:PLAINTEXT to listener.security.protocol.map`,
        );
      } else if (protocol !== 'PLAINTEXT') {
        at('listeners', `listener ${l.name} uses ${protocol}; Gregor serves PLAINTEXT listeners only`);
      }
    }
    if (roles.includes('broker') && listeners.every((l) => controller.includes(l.name))) {
      at('listeners', 'a broker needs at least one listener that is not a controller listener');
    }
    if (roles.includes('controller') && voters.length > 0 && !controller.some((n) => names.has(n))) {
      at('controller.listener.names', 'a controller of a multi-voter quorum needs one of its listeners in listeners');
    }

    const advertised = this.list('advertised.listeners');
    if (advertised !== null) {
      for (const l of checkListeners(advertised, true).listeners) {
        if (!names.has(l.name)) at('advertised.listeners', `${l.name} is not the name of a listener in listeners`);
      }
    }

    const inter = this.string('inter.broker.listener.name');
    if (inter !== null) {
      if (this.isSet('security.inter.broker.protocol')) {
        at(
          'inter.broker.listener.name',
          'set only one of inter.broker.listener.name and security.inter.broker.protocol',
        );
      }
      if (!names.has(inter.toUpperCase()) || controller.includes(inter.toUpperCase())) {
        at('inter.broker.listener.name', `${inter} is not the name of a broker listener in listeners`);
      }
    }
    if (this.string('security.inter.broker.protocol') !== 'PLAINTEXT') {
      at('security.inter.broker.protocol', 'Gregor supports PLAINTEXT only');
    }

    const queued = this.long('queued.max.request.bytes');
    const requestMax = this.int('socket.request.max.bytes');
    if (queued > 0 && queued < requestMax) {
      at(
        'queued.max.request.bytes',
        `must be at least socket.request.max.bytes (${requestMax}), or the largest request could never be read`,
      );
    }
    if (this.int('group.min.session.timeout.ms') > this.int('group.max.session.timeout.ms')) {
      at(
        'group.min.session.timeout.ms',
        `must not exceed group.max.session.timeout.ms (${this.int('group.max.session.timeout.ms')})`,
      );
    }
    if (this.long('log.cleaner.min.compaction.lag.ms') > this.long('log.cleaner.max.compaction.lag.ms')) {
      at(
        'log.cleaner.min.compaction.lag.ms',
        `must not exceed log.cleaner.max.compaction.lag.ms (${this.text('log.cleaner.max.compaction.lag.ms')})`,
      );
    }
    return problems;
  }

  /** Warnings for explicitly set settings that another, higher-precedence one hides. */
  shadowWarnings(): string[] {
    const warnings: string[] = [];
    const hidden = (lower: BrokerConfigName, higher: BrokerConfigName) => {
      const l = this.setting(lower);
      if (l !== undefined && this.isSet(higher)) warnings.push(`${lower} (${l.origin}) is ignored: ${higher} is set`);
    };
    hidden('log.dir', 'log.dirs');
    for (const def of Object.values(TOPIC_CONFIGS)) {
      const names = def.synonyms.map((s) => s.name);
      for (let i = 1; i < names.length; i++) {
        for (let j = 0; j < i; j++) {
          if (this.isSet(names[j]!)) {
            hidden(names[i]!, names[j]!);
            break;
          }
        }
      }
    }
    return warnings;
  }
}

/**
 * The contradictions between settings, leaving out those about a setting already
 * reported bad (its invalid value was dropped, so a check on it would mislead).
 */
function crossProblems(config: BrokerConfig, known: readonly ConfigProblem[]): ConfigProblem[] {
  const bad = new Set(known.map((p) => p.name));
  return config.crossCheck().filter((p) => !bad.has(p.name));
}

function sensitive(name: string): boolean {
  return lookupBroker(name)?.type === 'PASSWORD';
}

const defaults = new Map<ConfigDefinition, { value: ConfigValue; text: string } | null>();

function parsedDefault(def: ConfigDefinition): { value: ConfigValue; text: string } | null {
  let p = defaults.get(def);
  if (p === undefined) {
    const parsed = def.default === null ? null : parseConfig(def, def.default);
    // The table's defaults are checked when definitions.ts loads.
    p = parsed === null || 'reason' in parsed ? null : parsed;
    defaults.set(def, p);
  }
  return p;
}

/** A setting's parsed default; null when it has none. */
export function defaultValue(def: ConfigDefinition): ConfigValue | null {
  return parsedDefault(def)?.value ?? null;
}

/** A setting's default as DescribeConfigs shows it; null when it has none. */
export function defaultText(def: ConfigDefinition): string | null {
  return parsedDefault(def)?.text ?? null;
}

/** The documentation DescribeConfigs v3+ returns: Kafka's meaning plus Gregor's notes. */
export function documentation(def: ConfigDefinition): string {
  let doc = def.doc;
  if (def.noEffect !== undefined) doc += ` No effect in Gregor: ${def.noEffect}.`;
  if (def.gregor !== undefined) doc += ` Gregor: ${def.gregor}`;
  return doc;
}
