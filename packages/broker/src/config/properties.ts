/**
 * Java `.properties` text, read the way `java.util.Properties.load` reads Kafka's
 * `server.properties`:
 *
 * - a logical line is one or more natural lines (ended by `\n`, `\r` or `\r\n`); a line
 *   ending in an odd number of backslashes continues on the next one, whose leading
 *   whitespace is dropped;
 * - blank lines and lines whose first non-blank character is `#` or `!` are comments
 *   (a comment never continues, whatever it ends with);
 * - the key runs from the first non-blank character to the first unescaped `=`, `:` or
 *   whitespace; blanks, then at most one `=` or `:`, then blanks separate it from the
 *   value (`key=value`, `key: value`, `key value`, `key = value`);
 * - escapes in keys and values: `\t \n \r \f`, `\uXXXX`, and `\c` for any other `c`
 *   (so `\=`, `\:`, `\ `, `\#`, `\\` are literal);
 * - whitespace is space, tab and form feed; the value keeps trailing whitespace (Kafka's
 *   config parser trims it later);
 * - a repeated key: the last one wins.
 *
 * Two deliberate differences from Java: the caller reads the file as UTF-8 (Java's
 * `load(InputStream)` reads ISO-8859-1, so `\uXXXX` was the only way to write non-ASCII),
 * and a leading byte-order mark is ignored instead of becoming part of the first key.
 */

/** One `key=value` pair and the (1-based) line its logical line starts on. */
export interface PropertyEntry {
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

/** A `.properties` text Java would refuse (a malformed `\uXXXX` escape). */
export class PropertiesSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'PropertiesSyntaxError';
  }
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\f';
}

function skipBlanks(s: string, from: number): number {
  let i = from;
  while (i < s.length && isBlank(s[i])) i++;
  return i;
}

/** True when `s` ends with an odd number of backslashes (the last one escapes the line end). */
function continues(s: string): boolean {
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

const HEX = /^[0-9a-fA-F]{4}$/;

/** Resolves the escapes of a key or value. */
function resolveEscapes(s: string, line: number): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    i++;
    if (i >= s.length) break; // a lone trailing backslash (continuation at the end of the text)
    const e = s[i];
    switch (e) {
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        const hex = s.slice(i + 1, i + 5);
        if (!HEX.test(hex)) throw new PropertiesSyntaxError(line, `malformed \\uXXXX escape: "\\u${hex}"`);
        out += String.fromCharCode(Number.parseInt(hex, 16));
        i += 4;
        break;
      }
      default:
        out += e;
    }
  }
  return out;
}

/** Every entry of a `.properties` text in order, repeated keys included. */
export function parsePropertyEntries(text: string): PropertyEntry[] {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  const entries: PropertyEntry[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = i + 1;
    const natural = lines[i]!;
    i++;
    const start = skipBlanks(natural, 0);
    if (start === natural.length) continue;
    const first = natural[start];
    if (first === '#' || first === '!') continue;
    let logical = natural.slice(start);
    while (continues(logical)) {
      logical = logical.slice(0, -1);
      if (i >= lines.length) break;
      const next = lines[i]!;
      i++;
      logical += next.slice(skipBlanks(next, 0));
    }
    // The key ends at the first unescaped separator or blank.
    let keyEnd = 0;
    let hasSeparator = false;
    while (keyEnd < logical.length) {
      const c = logical[keyEnd];
      if (c === '\\') {
        keyEnd += 2;
        continue;
      }
      if (c === '=' || c === ':') {
        hasSeparator = true;
        break;
      }
      if (isBlank(c)) break;
      keyEnd++;
    }
    keyEnd = Math.min(keyEnd, logical.length);
    let valueStart = keyEnd < logical.length ? keyEnd + 1 : keyEnd;
    valueStart = skipBlanks(logical, valueStart);
    if (!hasSeparator && (logical[valueStart] === '=' || logical[valueStart] === ':')) {
      valueStart = skipBlanks(logical, valueStart + 1);
    }
    entries.push({
      key: resolveEscapes(logical.slice(0, keyEnd), line),
      value: resolveEscapes(logical.slice(valueStart), line),
      line,
    });
  }
  return entries;
}

/** The properties of a `.properties` text; a repeated key keeps its last value. */
export function parseProperties(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of parsePropertyEntries(text)) map.set(e.key, e.value);
  return map;
}
