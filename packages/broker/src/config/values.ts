/**
 * Config types, value parsing and validators, as Kafka's `ConfigDef` has them: the
 * nine types of DescribeConfigs, values parsed from trimmed strings, validators that
 * check a parsed value and describe their valid values for the documentation.
 *
 * Longs are `number`s: Kafka's `Long.MAX_VALUE` ("no limit": `flush.messages`,
 * `max.compaction.lag.ms`, ...) and any other long beyond 2^53 - 1 become
 * `Number.MAX_SAFE_INTEGER` (the negative side likewise), which is what
 * `DEFAULT_LOG_CONFIG` in `@gregor/storage` uses for "never". A value that large is
 * 285,000 years in milliseconds or 8 PiB in bytes, so nothing observable changes;
 * the string form keeps the exact digits the operator wrote.
 */

export const ConfigType = {
  BOOLEAN: 'BOOLEAN',
  STRING: 'STRING',
  INT: 'INT',
  SHORT: 'SHORT',
  LONG: 'LONG',
  DOUBLE: 'DOUBLE',
  LIST: 'LIST',
  CLASS: 'CLASS',
  PASSWORD: 'PASSWORD',
} as const;
export type ConfigType = (typeof ConfigType)[keyof typeof ConfigType];

/** The `ConfigType` field of DescribeConfigs v3+ (0 is UNKNOWN). */
export const CONFIG_TYPE_ID: Readonly<Record<ConfigType, number>> = Object.freeze({
  BOOLEAN: 1,
  STRING: 2,
  INT: 3,
  SHORT: 4,
  LONG: 5,
  DOUBLE: 6,
  LIST: 7,
  CLASS: 8,
  PASSWORD: 9,
});

/** A parsed value: INT, SHORT, LONG and DOUBLE are numbers, LIST a string array. */
export type ConfigValue = boolean | number | string | readonly string[];

/** A value parsed from its string form, with the canonical string DescribeConfigs shows. */
export interface ParsedValue {
  readonly value: ConfigValue;
  readonly text: string;
}

/** Checks a parsed value; `describe` is the "valid values" column of Kafka's documentation. */
export interface Validator {
  readonly describe: string;
  /** Why the value is invalid (Kafka's wording where Kafka has one), or null. */
  check(value: ConfigValue): string | null;
}

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const SHORT_MIN = -(2n ** 15n);
const SHORT_MAX = 2n ** 15n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses the string form of a value of `type` (trimmed first, as Kafka does). Returns
 * the reason when the string is not a value of that type.
 */
export function parseValue(type: ConfigType, raw: string): ParsedValue | { readonly reason: string } {
  const s = raw.trim();
  switch (type) {
    case 'BOOLEAN': {
      const lower = s.toLowerCase();
      if (lower === 'true') return { value: true, text: 'true' };
      if (lower === 'false') return { value: false, text: 'false' };
      return { reason: 'Expected value to be either true or false' };
    }
    case 'STRING':
    case 'CLASS':
    case 'PASSWORD':
      return { value: s, text: s };
    case 'INT':
    case 'SHORT':
    case 'LONG': {
      if (!INTEGER.test(s)) return { reason: `Not a number of type ${type}` };
      const n = BigInt(s);
      const [min, max] =
        type === 'INT' ? [INT_MIN, INT_MAX] : type === 'SHORT' ? [SHORT_MIN, SHORT_MAX] : [LONG_MIN, LONG_MAX];
      if (n < min || n > max) return { reason: `Not a number of type ${type} (outside ${min}..${max})` };
      const clamped = n > SAFE_MAX ? Number.MAX_SAFE_INTEGER : n < -SAFE_MAX ? -Number.MAX_SAFE_INTEGER : Number(n);
      return { value: clamped, text: n.toString() };
    }
    case 'DOUBLE': {
      if (!DECIMAL.test(s)) return { reason: 'Not a number of type DOUBLE' };
      const d = Number(s);
      if (!Number.isFinite(d)) return { reason: 'Not a number of type DOUBLE (not finite)' };
      return { value: d, text: String(d) };
    }
    case 'LIST': {
      if (s === '') return { value: Object.freeze([]), text: '' };
      const items = s.split(/\s*,\s*/);
      if (items.includes('')) return { reason: 'A list item is empty' };
      return { value: Object.freeze(items), text: items.join(',') };
    }
  }
}

function isList(v: ConfigValue): v is readonly string[] {
  return Array.isArray(v);
}

/** Kafka's `Range.atLeast`. */
export function atLeast(min: number): Validator {
  return {
    describe: `[${min},...]`,
    check: (v) => (typeof v === 'number' && v < min ? `Value must be at least ${min}` : null),
  };
}

/** Kafka's `Range.between` (inclusive). */
export function between(min: number, max: number): Validator {
  return {
    describe: `[${min},...,${max}]`,
    check: (v) => {
      if (typeof v !== 'number') return null;
      if (v < min) return `Value must be no less than ${min}`;
      if (v > max) return `Value must be no more than ${max}`;
      return null;
    },
  };
}

/** Kafka's `ValidString.in`: case-sensitive. */
export function oneOf(...values: readonly string[]): Validator {
  return {
    describe: `[${values.join(', ')}]`,
    check: (v) => (typeof v === 'string' && !values.includes(v) ? `String must be one of: ${values.join(', ')}` : null),
  };
}

/** Kafka's `ValidList.in`: every item one of `values`, none twice. */
export function listOf(...values: readonly string[]): Validator {
  return {
    describe: `[${values.join(', ')}]`,
    check: (v) => {
      if (!isList(v)) return null;
      const bad = v.filter((item) => !values.includes(item));
      if (bad.length > 0) return `Invalid item(s) ${bad.join(', ')}: each must be one of: ${values.join(', ')}`;
      return duplicateItems(v);
    },
  };
}

function duplicateItems(items: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item)) return `Duplicate item ${item}`;
    seen.add(item);
  }
  return null;
}

/** A list with at least one item and no item twice (Kafka's `ValidList.anyNonDuplicateValues(false, ...)`). */
export function nonEmptyUniqueList(): Validator {
  return {
    describe: 'a non-empty list without duplicates',
    check: (v) => {
      if (!isList(v)) return null;
      if (v.length === 0) return 'The list must not be empty';
      return duplicateItems(v);
    },
  };
}

/** A list whose items each pass `item` (which returns a reason or null). */
export function listItems(describe: string, item: (s: string) => string | null): Validator {
  return {
    describe,
    check: (v) => {
      if (!isList(v)) return null;
      for (const s of v) {
        const reason = item(s);
        if (reason !== null) return `Invalid item ${s}: ${reason}`;
      }
      return duplicateItems(v);
    },
  };
}

/** A value passing every validator. */
export function allOf(...validators: readonly Validator[]): Validator {
  return {
    describe: validators.map((v) => v.describe).join(' and '),
    check: (value) => {
      for (const v of validators) {
        const reason = v.check(value);
        if (reason !== null) return reason;
      }
      return null;
    },
  };
}

/** Any custom check with its description. */
export function customCheck(describe: string, check: (v: ConfigValue) => string | null): Validator {
  return { describe, check };
}
