/**
 * Topic settings: validation (CreateTopics, AlterConfigs), effective values with their
 * sources and synonyms (DescribeConfigs), the mapping onto the storage `LogConfig`,
 * and IncrementalAlterConfigs' SET / DELETE / APPEND / SUBTRACT.
 *
 * A topic's value of a setting is its own override (DYNAMIC_TOPIC_CONFIG), else the
 * first broker synonym with a value in any broker layer (dynamic broker, dynamic
 * default, static), else the first synonym's default (DEFAULT_CONFIG), else the topic
 * setting's own default. Synonyms in hours or minutes are converted to milliseconds
 * (`log.retention.hours=1` gives `retention.ms=3600000`, source STATIC_BROKER_CONFIG).
 *
 * Unlike Kafka 3.9, the synonym list of a topic entry keeps the broker synonyms that
 * precede the first one in precedence order: Kafka drops everything before a value of
 * the first synonym (`log.retention.ms`), so with only `log.retention.hours` set it
 * reports no synonyms and source DEFAULT_CONFIG for a value the operator did set.
 */
import { ErrorCode } from '@gregor/protocol';
import type { CleanupPolicy, LogConfig } from '@gregor/storage';
import type { ConfigEntry, ConfigSourceName, ConfigSynonym } from './broker-config.js';
import { BrokerConfig, defaultText, defaultValue, documentation } from './broker-config.js';
import type { TopicConfigDefinition, TopicConfigName } from './definitions.js';
import { convertSynonym, lookupBroker, lookupTopic, parseConfig, TOPIC_CONFIGS } from './definitions.js';
import { TypedConfigView } from './typed-config.js';
import type { ConfigValue } from './values.js';

/** The Kafka errors topic config requests answer with. */
export type TopicConfigErrorName = 'INVALID_CONFIG' | 'INVALID_REQUEST';

/** A rejected topic setting: Kafka's error code and message. */
export interface TopicConfigError {
  readonly name: string;
  readonly error: TopicConfigErrorName;
  readonly code: number;
  readonly message: string;
}

function topicError(name: string, error: TopicConfigErrorName, message: string): TopicConfigError {
  return { name, error, code: ErrorCode[error], message };
}

/**
 * Checks topic settings as CreateTopics and AlterConfigs give them: every name known,
 * no null value, every value valid, and the values consistent with each other once
 * combined with the broker's (`min.compaction.lag.ms` ≤ `max.compaction.lag.ms`).
 * Returns one error per bad setting, in Kafka's words; empty when all is well.
 * Without `broker`, the cross-checks use the defaults.
 */
export function validateTopicConfigs(
  entries: Readonly<Record<string, string | null>>,
  broker: BrokerConfig = BrokerConfig.defaults(),
): TopicConfigError[] {
  const errors: TopicConfigError[] = [];
  const valid: Record<string, string> = {};
  for (const [name, raw] of Object.entries(entries)) {
    const def = lookupTopic(name);
    if (def === undefined) {
      errors.push(topicError(name, 'INVALID_CONFIG', `Unknown topic config name: ${name}`));
    } else if (raw === null) {
      errors.push(topicError(name, 'INVALID_CONFIG', `Null value not supported for topic configs: ${name}`));
    } else {
      const parsed = parseConfig(def, raw);
      if ('reason' in parsed) {
        errors.push(
          topicError(name, 'INVALID_CONFIG', `Invalid value ${raw} for configuration ${name}: ${parsed.reason}`),
        );
      } else {
        valid[name] = raw;
      }
    }
  }
  if (errors.length > 0) return errors;
  const effective = effectiveTopicConfig(valid, broker);
  const minLag = effective.long('min.compaction.lag.ms');
  const maxLag = effective.long('max.compaction.lag.ms');
  if (minLag > maxLag) {
    errors.push(
      topicError(
        'min.compaction.lag.ms',
        'INVALID_CONFIG',
        `conflict topic config setting min.compaction.lag.ms (${minLag}) > max.compaction.lag.ms (${effective.text('max.compaction.lag.ms')})`,
      ),
    );
  }
  return errors;
}

interface Resolved {
  readonly value: ConfigValue;
  readonly text: string;
  readonly source: ConfigSourceName;
  readonly synonyms: readonly ConfigSynonym[];
}

/** Resolves one topic setting from the topic's override and the broker. */
function resolveTopicSetting(
  name: string,
  def: TopicConfigDefinition,
  override: string | undefined,
  broker: BrokerConfig,
): Resolved | { readonly reason: string } {
  const brokerSynonyms = broker.synonymsOf(def.synonyms.map((s) => s.name));
  if (override !== undefined) {
    const parsed = parseConfig(def, override);
    if ('reason' in parsed) return parsed;
    return {
      value: parsed.value,
      text: parsed.text,
      source: 'DYNAMIC_TOPIC_CONFIG',
      synonyms: [{ name, value: parsed.text, source: 'DYNAMIC_TOPIC_CONFIG' }, ...brokerSynonyms],
    };
  }
  // The first synonym with a value wins, whatever layer holds it; then the first default.
  let chosen: { value: ConfigValue; text: string; source: ConfigSourceName; unit: string } | null = null;
  for (const s of def.synonyms) {
    const set = broker.setting(s.name);
    if (set !== undefined) {
      chosen = { value: set.value, text: set.text, source: set.source, unit: s.unit };
      break;
    }
  }
  if (chosen === null) {
    for (const s of def.synonyms) {
      const b = lookupBroker(s.name)!;
      const value = defaultValue(b);
      if (value !== null) {
        chosen = { value, text: defaultText(b)!, source: 'DEFAULT_CONFIG', unit: s.unit };
        break;
      }
    }
  }
  if (chosen === null) {
    return { value: defaultValue(def)!, text: defaultText(def)!, source: 'DEFAULT_CONFIG', synonyms: brokerSynonyms };
  }
  let { value, text } = chosen;
  if (typeof value === 'number' && chosen.unit !== 'ms') {
    value = convertSynonym(value, chosen.unit as 'minutes' | 'hours');
    text = String(value);
  }
  // As Kafka's KafkaConfig.logRetentionTimeMillis: any negative retention means "forever".
  if (name === 'retention.ms' && typeof value === 'number' && value < 0) {
    value = -1;
    text = '-1';
  }
  return { value, text, source: chosen.source, synonyms: brokerSynonyms };
}

/**
 * A topic's full settings: every topic setting with its value, source and synonyms.
 * Typed reads as on `BrokerConfig` (`effective.long('retention.ms')`).
 */
export class EffectiveTopicConfig extends TypedConfigView<typeof TOPIC_CONFIGS> {
  /** @internal Use `effectiveTopicConfig`. */
  constructor(
    private readonly values: ReadonlyMap<string, Resolved>,
    /** Stored overrides that are no longer valid (unknown name, bad value) and were ignored. */
    readonly ignored: readonly { readonly name: string; readonly reason: string }[],
  ) {
    super(TOPIC_CONFIGS, 'topic');
  }

  protected resolved(name: string): ConfigValue | null {
    return this.values.get(name)!.value;
  }

  text(name: TopicConfigName): string {
    return this.values.get(name)!.text;
  }

  source(name: TopicConfigName): ConfigSourceName {
    return this.values.get(name)!.source;
  }

  /** One DescribeConfigs entry of the topic. */
  entry(name: TopicConfigName): ConfigEntry {
    const r = this.values.get(name)!;
    const def: TopicConfigDefinition = TOPIC_CONFIGS[name];
    return {
      name,
      value: r.text,
      source: r.source,
      isSensitive: false,
      readOnly: false,
      type: def.type,
      documentation: documentation(def),
      synonyms: r.synonyms,
    };
  }

  /** Every topic setting, for DescribeConfigs of the topic. */
  entries(): ConfigEntry[] {
    return (Object.keys(TOPIC_CONFIGS) as TopicConfigName[]).map((name) => this.entry(name));
  }
}

/**
 * The effective settings of a topic with stored `overrides` on `broker`. Overrides
 * that no longer validate are ignored (and listed in `ignored`) rather than failing:
 * a topic stays readable whatever its stored settings.
 */
export function effectiveTopicConfig(
  overrides: Readonly<Record<string, string>>,
  broker: BrokerConfig,
): EffectiveTopicConfig {
  const ignored: { name: string; reason: string }[] = [];
  for (const name of Object.keys(overrides)) {
    if (lookupTopic(name) === undefined) ignored.push({ name, reason: 'unknown topic setting' });
  }
  const values = new Map<string, Resolved>();
  for (const [name, def] of Object.entries(TOPIC_CONFIGS) as [TopicConfigName, TopicConfigDefinition][]) {
    const override = Object.hasOwn(overrides, name) ? overrides[name] : undefined;
    let r = resolveTopicSetting(name, def, override, broker);
    if ('reason' in r) {
      ignored.push({ name, reason: r.reason });
      r = resolveTopicSetting(name, def, undefined, broker) as Resolved;
    }
    values.set(name, r);
  }
  return new EffectiveTopicConfig(values, ignored);
}

/** The storage settings of a log of a topic with these effective settings. */
export function toLogConfig(effective: EffectiveTopicConfig, broker: BrokerConfig): LogConfig {
  return {
    segmentBytes: effective.int('segment.bytes'),
    segmentMs: effective.long('segment.ms'),
    segmentIndexBytes: effective.int('segment.index.bytes'),
    indexIntervalBytes: effective.int('index.interval.bytes'),
    flushMessages: effective.long('flush.messages'),
    flushMs: effective.long('flush.ms'),
    retentionMs: effective.long('retention.ms'),
    retentionBytes: effective.long('retention.bytes'),
    cleanupPolicy: Object.freeze(effective.list('cleanup.policy').slice() as CleanupPolicy[]),
    minCompactionLagMs: effective.long('min.compaction.lag.ms'),
    maxCompactionLagMs: effective.long('max.compaction.lag.ms'),
    deleteRetentionMs: effective.long('delete.retention.ms'),
    minCleanableDirtyRatio: effective.double('min.cleanable.dirty.ratio'),
    durable: broker.bool('gregor.log.durable'),
  };
}

/** IncrementalAlterConfigs `ConfigOperation` values. */
export const AlterConfigOp = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;
export type AlterConfigOp = (typeof AlterConfigOp)[keyof typeof AlterConfigOp];
const OP_NAMES = ['SET', 'DELETE', 'APPEND', 'SUBTRACT'] as const;

/** One config of an IncrementalAlterConfigs resource. */
export interface AlterableConfig {
  readonly name: string;
  readonly configOperation: number;
  readonly value: string | null;
}

export type IncrementalAlterResult =
  | { readonly ok: true; readonly configs: Record<string, string> }
  | { readonly ok: false; readonly error: TopicConfigErrorName; readonly code: number; readonly message: string };

function fail(error: TopicConfigErrorName, message: string): IncrementalAlterResult {
  return { ok: false, error, code: ErrorCode[error], message };
}

/** The items of a stored list value, as Kafka's controller splits them (on `,`, dropping empty parts). */
function listParts(value: string | null): string[] {
  if (value === null) return [];
  return value.split(',').filter((p) => p !== '');
}

/**
 * Applies IncrementalAlterConfigs operations to a topic's stored overrides, as Kafka's
 * controller does: duplicate names or an unknown operation fail the request
 * (INVALID_REQUEST); APPEND and SUBTRACT work on LIST settings only (INVALID_CONFIG
 * "Can't APPEND to key x because its type is not LIST."), starting from the override
 * or, when there is none, the setting's default; APPEND adds items not yet present,
 * SUBTRACT removes them; DELETE drops the override. The result is then validated as a
 * whole (first error wins, as IncrementalAlterConfigs answers per resource).
 */
export function incrementalAlterTopicConfigs(
  current: Readonly<Record<string, string>>,
  ops: readonly AlterableConfig[],
  broker: BrokerConfig,
): IncrementalAlterResult {
  const seen = new Set<string>();
  for (const op of ops) {
    if (seen.has(op.name)) return fail('INVALID_REQUEST', 'Error due to duplicate config keys');
    seen.add(op.name);
    if (!Number.isInteger(op.configOperation) || op.configOperation < 0 || op.configOperation > 3) {
      return fail('INVALID_REQUEST', `Unknown operations type ${op.configOperation}`);
    }
  }
  const configs: Record<string, string> = { ...current };
  for (const op of ops) {
    const opName = OP_NAMES[op.configOperation]!;
    if (op.configOperation === AlterConfigOp.DELETE) {
      delete configs[op.name];
      continue;
    }
    if (op.value === null) return fail('INVALID_CONFIG', `Null value not supported for topic configs: ${op.name}`);
    if (op.configOperation === AlterConfigOp.SET) {
      configs[op.name] = op.value;
      continue;
    }
    const def = lookupTopic(op.name);
    if (def === undefined || def.type !== 'LIST') {
      return fail('INVALID_CONFIG', `Can't ${opName} to key ${op.name} because its type is not LIST.`);
    }
    const base = Object.hasOwn(configs, op.name) ? configs[op.name]! : def.default;
    const items = listParts(base);
    for (const item of op.value.split(',')) {
      if (op.configOperation === AlterConfigOp.APPEND) {
        if (!items.includes(item)) items.push(item);
      } else {
        const i = items.indexOf(item);
        if (i >= 0) items.splice(i, 1);
      }
    }
    configs[op.name] = items.join(',');
  }
  const errors = validateTopicConfigs(configs, broker);
  if (errors.length > 0) return fail(errors[0]!.error, errors[0]!.message);
  return { ok: true, configs };
}
