/**
 * Typed reads of resolved settings, shared by `BrokerConfig` and `EffectiveTopicConfig`.
 *
 * The accessors take only names of the right type from the table, so
 * `config.int('num.partitions')` compiles and `config.int('log.dirs')` or
 * `config.int('no.such.thing')` does not; a name that slips past the types (a cast, a
 * string from the network) throws. Settings without a default read as `T | null`.
 */
import type { ConfigDefinition, NamesOfType, ValueOf } from './definitions.js';
import type { ConfigType, ConfigValue } from './values.js';

export abstract class TypedConfigView<D extends Record<string, ConfigDefinition>> {
  protected constructor(
    protected readonly table: D,
    private readonly kind: string,
  ) {}

  /** The resolved value of a setting known to be in the table; null when it has none. */
  protected abstract resolved(name: string): ConfigValue | null;

  protected definition(name: string): ConfigDefinition {
    if (!Object.hasOwn(this.table, name)) throw new Error(`${name} is not a ${this.kind} setting`);
    return this.table[name] as ConfigDefinition;
  }

  private read(name: string, types: readonly ConfigType[]): ConfigValue | null {
    const def = this.definition(name);
    if (!types.includes(def.type)) throw new Error(`${name} is a ${def.type} setting, not ${types.join(' or ')}`);
    return this.resolved(name);
  }

  /** An INT or SHORT setting. */
  int<N extends NamesOfType<D, 'INT' | 'SHORT'>>(name: N): ValueOf<D, N, number> {
    return this.read(name, ['INT', 'SHORT']) as ValueOf<D, N, number>;
  }

  /** A LONG setting, as a safe integer (see values.ts for Long.MAX_VALUE). */
  long<N extends NamesOfType<D, 'LONG'>>(name: N): ValueOf<D, N, number> {
    return this.read(name, ['LONG']) as ValueOf<D, N, number>;
  }

  double<N extends NamesOfType<D, 'DOUBLE'>>(name: N): ValueOf<D, N, number> {
    return this.read(name, ['DOUBLE']) as ValueOf<D, N, number>;
  }

  bool<N extends NamesOfType<D, 'BOOLEAN'>>(name: N): ValueOf<D, N, boolean> {
    return this.read(name, ['BOOLEAN']) as ValueOf<D, N, boolean>;
  }

  /** A STRING, CLASS or PASSWORD setting. */
  string<N extends NamesOfType<D, 'STRING' | 'CLASS' | 'PASSWORD'>>(name: N): ValueOf<D, N, string> {
    return this.read(name, ['STRING', 'CLASS', 'PASSWORD']) as ValueOf<D, N, string>;
  }

  list<N extends NamesOfType<D, 'LIST'>>(name: N): ValueOf<D, N, readonly string[]> {
    return this.read(name, ['LIST']) as ValueOf<D, N, readonly string[]>;
  }
}
