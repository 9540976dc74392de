/**
 * Emits one TypeScript class per struct: fields initialised to the schema defaults in
 * schema order, and static straight-line `read`, `write`, `size` and `isDefault`
 * functions gated by `if (v >= N)` version checks, as Kafka's own generator does.
 *
 * Version conditions are folded against the versions the struct can appear in, so a
 * field present in every version costs no check at all.
 */
import type { FieldModel, ScalarKind, StructModel } from './model.js';
import { tsTypeOfScalar } from './model.js';
import type { Versions } from './schema.js';
import { covers, intersect, isEmpty } from './schema.js';

/** A condition as TypeScript source, with 'true' and 'false' folded. */
export function versionCondition(range: Versions, context: Versions): string {
  const r = intersect(range, context);
  if (isEmpty(r)) return 'false';
  if (covers(r, context)) return 'true';
  const parts: string[] = [];
  if (r.lo > context.lo) parts.push(`v >= ${r.lo}`);
  if (r.hi < context.hi) parts.push(`v <= ${r.hi}`);
  return parts.join(' && ');
}

function and(a: string, b: string): string {
  if (a === 'false' || b === 'false') return 'false';
  if (a === 'true') return b;
  if (b === 'true') return a;
  return `${a} && ${b}`;
}

function not(a: string): string {
  if (a === 'true') return 'false';
  if (a === 'false') return 'true';
  return `!(${a})`;
}

function ternary(cond: string, a: string, b: string): string {
  if (cond === 'true' || a === b) return a;
  if (cond === 'false') return b;
  return `(${cond} ? ${a} : ${b})`;
}

/** A call statement choosing between two writer methods, without unbinding them. */
function call(cond: string, a: string, b: string, arg: string): string {
  if (cond === 'true') return `${a}(${arg});`;
  if (cond === 'false') return `${b}(${arg});`;
  return `if (${cond}) ${a}(${arg});\nelse ${b}(${arg});`;
}

/** Wraps `body` in `if (cond)`, dropping the `if` for 'true' and the body for 'false'. */
function guarded(cond: string, body: string[], elseBody: string[] = []): string[] {
  if (cond === 'true') return body;
  if (cond === 'false') return elseBody;
  if (body.length === 0 && elseBody.length === 0) return [];
  const out = [`if (${cond}) {`, ...indent(body)];
  if (elseBody.length > 0) out.push('} else {', ...indent(elseBody));
  out.push('}');
  return out;
}

function indent(lines: string[]): string[] {
  return lines.flatMap((l) => l.split('\n')).map((l) => (l === '' ? l : `  ${l}`));
}

const FIXED_SIZE: Partial<Record<ScalarKind, number>> = {
  bool: 1,
  int8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  float64: 8,
  uuid: 16,
};

/** Generates the per-struct code; one instance per struct. */
export class StructEmitter {
  private counter = 0;
  constructor(private readonly s: StructModel) {}

  private fresh(base: string): string {
    return `${base}${++this.counter}`;
  }

  private flexible(f: FieldModel, ctx: Versions): string {
    return versionCondition(f.flexible, ctx);
  }

  private nullable(f: FieldModel, ctx: Versions): string {
    return versionCondition(f.nullable, ctx);
  }

  // ---- read ----

  private readScalar(kind: ScalarKind, flex: string, nullable: string): string {
    switch (kind) {
      case 'bool':
        return 'r.bool()';
      case 'int8':
        return 'r.int8()';
      case 'int16':
        return 'r.int16()';
      case 'uint16':
        return 'r.uint16()';
      case 'int32':
        return 'r.int32()';
      case 'uint32':
        return 'r.uint32()';
      case 'int64':
        return 'r.int64()';
      case 'float64':
        return 'r.float64()';
      case 'uuid':
        return 'r.uuid()';
      case 'string':
        return ternary(
          nullable,
          ternary(flex, 'r.compactNullableString()', 'r.nullableString()'),
          ternary(flex, 'r.compactString()', 'r.string()'),
        );
      case 'bytes':
      case 'records':
        return ternary(
          nullable,
          ternary(flex, 'r.compactNullableBytes()', 'r.nullableBytes()'),
          ternary(flex, 'r.compactBytes()', 'r.bytes()'),
        );
    }
  }

  /** Statements reading field `f` into `target`, for a field that exists in this version. */
  private readField(f: FieldModel, target: string, ctx: Versions, tagged: boolean): string[] {
    const flex = tagged ? 'true' : this.flexible(f, ctx);
    const nullable = this.nullable(f, ctx);
    const t = f.type;
    if (t.kind === 'scalar') {
      const nullableHere = t.scalar === 'records' && isEmpty(f.nullable) ? 'false' : nullable;
      return [`${target} = ${this.readScalar(t.scalar, flex, nullableHere)};`];
    }
    if (t.kind === 'struct') {
      const read = `${t.struct.className}.read(r, v)`;
      const marker = tagged ? 'r.unsignedVarint() === 0' : 'r.int8() < 0';
      return guarded(nullable, [`${target} = ${marker} ? null : ${read};`], [`${target} = ${read};`]);
    }
    const n = this.fresh('n');
    const a = this.fresh('a');
    const i = this.fresh('i');
    const el = t.element;
    const elType = el.kind === 'scalar' ? tsTypeOfScalar(el.scalar) : el.struct.className;
    const readEl =
      el.kind === 'scalar' ? this.readScalar(el.scalar, flex, 'false') : `${el.struct.className}.read(r, v)`;
    return [
      `const ${n} = ${ternary(flex, 'r.compactArrayLength()', 'r.arrayLength()')};`,
      `if (${n} < 0) {`,
      ...indent(guarded(nullable, [`${target} = null;`], [`r.fail('non-nullable field ${f.schemaName} was null');`])),
      '} else {',
      `  const ${a}: ${elType}[] = [];`,
      `  for (let ${i} = 0; ${i} < ${n} && r.error === null; ${i}++) ${a}.push(${readEl});`,
      `  ${target} = ${a};`,
      '}',
    ];
  }

  // ---- write ----

  private writeScalar(kind: ScalarKind, x: string, flex: string, nullable: string): string {
    switch (kind) {
      case 'bool':
        return `w.bool(${x});`;
      case 'int8':
        return `w.int8(${x});`;
      case 'int16':
        return `w.int16(${x});`;
      case 'uint16':
        return `w.uint16(${x});`;
      case 'int32':
        return `w.int32(${x});`;
      case 'uint32':
        return `w.uint32(${x});`;
      case 'int64':
        return `w.int64(${x});`;
      case 'float64':
        return `w.float64(${x});`;
      case 'uuid':
        return `w.uuid(${x});`;
      case 'string':
        return nullable === 'true'
          ? call(flex, 'w.compactNullableString', 'w.nullableString', x)
          : call(flex, 'w.compactString', 'w.string', x);
      case 'bytes':
        return nullable === 'true'
          ? call(flex, 'w.compactNullableBytes', 'w.nullableBytes', x)
          : call(flex, 'w.compactBytes', 'w.bytes', x);
      case 'records':
        return call(flex, 'w.compactRecords', 'w.records', x);
    }
  }

  /** Statements writing field value `x` (a simple expression). */
  private writeField(f: FieldModel, x: string, ctx: Versions, tagged: boolean): string[] {
    const flex = tagged ? 'true' : this.flexible(f, ctx);
    const nullable = this.nullable(f, ctx);
    const t = f.type;
    const out: string[] = [];
    // A value that is null in a version where null is not allowed is a caller bug.
    if (f.canBeNull && nullable !== 'true') {
      out.push(...guarded(not(nullable), [`if (${x} === null) throw nullNotAllowed('${f.schemaName}', v);`], []));
    }
    if (t.kind === 'scalar') {
      if (nullable === 'true' || !f.canBeNull) {
        out.push(this.writeScalar(t.scalar, x, flex, nullable));
      } else {
        const nonNull = t.scalar === 'records' ? x : `${x}!`;
        out.push(
          ...guarded(
            nullable,
            [this.writeScalar(t.scalar, x, flex, 'true')],
            [this.writeScalar(t.scalar, nonNull, flex, 'false')],
          ),
        );
      }
      return out;
    }
    if (t.kind === 'struct') {
      const write = `${t.struct.className}.write(w, v, ${x}!);`;
      const nullMarker = tagged ? 'w.unsignedVarint(0);' : 'w.int8(-1);';
      const presentMarker = tagged ? 'w.unsignedVarint(1);' : 'w.int8(1);';
      out.push(
        ...guarded(
          nullable,
          [`if (${x} === null) ${nullMarker}`, 'else {', `  ${presentMarker}`, `  ${write}`, '}'],
          [write],
        ),
      );
      return out;
    }
    const i = this.fresh('i');
    const el = t.element;
    const writeEl =
      el.kind === 'scalar'
        ? this.writeScalar(el.scalar, `${x}[${i}]!`, flex, 'false')
        : `${el.struct.className}.write(w, v, ${x}[${i}]!);`;
    const body = [
      call(flex, 'w.compactArrayLength', 'w.arrayLength', `${x}.length`),
      `for (let ${i} = 0; ${i} < ${x}.length; ${i}++) ${writeEl}`,
    ];
    if (f.canBeNull) {
      out.push(
        `if (${x} === null) ${ternary(flex, 'w.unsignedVarint(0)', 'w.int32(-1)')};`,
        'else {',
        ...indent(body),
        '}',
      );
    } else {
      out.push(...body);
    }
    return out;
  }

  // ---- size ----

  private sizeScalar(kind: ScalarKind, x: string, flex: string, canBeNull: boolean): string {
    const fixed = FIXED_SIZE[kind];
    if (fixed !== undefined) return String(fixed);
    const nullSize = ternary(flex, '1', kind === 'string' ? '2' : '4');
    let nonNull: string;
    if (kind === 'string') nonNull = ternary(flex, `sizeOfCompactString(${x})`, `sizeOfString(${x})`);
    else nonNull = ternary(flex, `sizeOfCompactLength(${x}.length) + ${x}.length`, `4 + ${x}.length`);
    return canBeNull ? `(${x} === null ? ${nullSize} : ${nonNull})` : nonNull;
  }

  /** Statements adding the encoded size of value `x` to `acc`. */
  private sizeField(f: FieldModel, x: string, acc: string, ctx: Versions, tagged: boolean): string[] {
    const flex = tagged ? 'true' : this.flexible(f, ctx);
    const t = f.type;
    if (t.kind === 'scalar') return [`${acc} += ${this.sizeScalar(t.scalar, x, flex, f.canBeNull)};`];
    if (t.kind === 'struct') {
      const size = `${t.struct.className}.size(v, ${x}!)`;
      const nullable = this.nullable(f, ctx);
      if (nullable === 'false') return [`${acc} += ${size};`];
      const withMarker = `${acc} += ${x} === null ? 1 : 1 + ${size};`;
      return guarded(nullable, [withMarker], [`${acc} += ${size};`]);
    }
    const el = t.element;
    const prefix = ternary(flex, `sizeOfCompactLength(${x}.length)`, '4');
    const body: string[] = [];
    const fixed = el.kind === 'scalar' ? FIXED_SIZE[el.scalar] : undefined;
    if (fixed !== undefined) {
      body.push(`${acc} += ${prefix} + ${x}.length * ${fixed};`);
    } else {
      const i = this.fresh('i');
      const elSize =
        el.kind === 'scalar'
          ? this.sizeScalar(el.scalar, `${x}[${i}]!`, flex, false)
          : `${el.struct.className}.size(v, ${x}[${i}]!)`;
      body.push(`${acc} += ${prefix};`, `for (let ${i} = 0; ${i} < ${x}.length; ${i}++) ${acc} += ${elSize};`);
    }
    if (!f.canBeNull) return body;
    return [`if (${x} === null) ${acc} += ${ternary(flex, '1', '4')};`, 'else {', ...indent(body), '}'];
  }

  // ---- defaults ----

  /** An expression: true when `x` equals the field's default (Kafka writes tagged fields only when not). */
  isDefaultExpr(f: FieldModel, x: string): string {
    const t = f.type;
    if (f.defaultIsNull) return `${x} === null`;
    if (t.kind === 'array') return f.canBeNull ? `${x} !== null && ${x}.length === 0` : `${x}.length === 0`;
    if (t.kind === 'struct')
      return f.canBeNull
        ? `${x} !== null && ${t.struct.className}.isDefault(${x})`
        : `${t.struct.className}.isDefault(${x})`;
    if (t.scalar === 'bytes') return f.canBeNull ? `${x} !== null && ${x}.length === 0` : `${x}.length === 0`;
    return `${x} === ${f.defaultExpr}`;
  }

  // ---- the class ----

  emit(): string[] {
    const s = this.s;
    const ctx = s.versions;
    const flexAny = !isEmpty(s.flexible);
    const flexStruct = versionCondition(s.flexible, ctx);
    const out: string[] = [];
    out.push(`export class ${s.className} {`);
    for (const f of s.fields) {
      const doc = docComment(f);
      if (doc) out.push(`  ${doc}`);
      out.push(`  ${f.name}: ${f.tsType} = ${f.defaultExpr};`);
    }
    if (flexAny)
      out.push(
        '  /** Tagged fields this version of the schema does not know, kept to be written back. */',
        '  _unknownTaggedFields: TaggedField[] | null = null;',
      );

    const regular = s.fields.filter((f) => !isEmpty(intersect(regularVersions(f), ctx)));
    const taggedFields = s.fields
      .filter((f) => f.tag !== undefined && !isEmpty(f.tagged))
      .sort((a, b) => (a.tag as number) - (b.tag as number));

    // read
    const read: string[] = [`const o = new ${s.className}();`];
    if (flexStruct !== 'true' && flexStruct !== 'false' && flexAny) read.push(`const flexible = ${flexStruct};`);
    const flexVar = flexStruct === 'true' || flexStruct === 'false' ? flexStruct : 'flexible';
    for (const f of regular) {
      const present = versionCondition(regularVersions(f), ctx);
      read.push(...guarded(present, this.readField(f, `o.${f.name}`, intersect(regularVersions(f), ctx), false)));
    }
    if (flexAny) {
      const tagged: string[] = [
        'const count = r.unsignedVarint();',
        'for (let t = 0; t < count && r.error === null; t++) {',
        '  const tag = r.unsignedVarint();',
        '  const size = r.unsignedVarint();',
      ];
      if (taggedFields.length > 0) {
        tagged.push('  const start = r.pos;');
        let first = true;
        for (const f of taggedFields) {
          const cond = and(`tag === ${f.tag}`, versionCondition(f.tagged, ctx));
          if (cond === 'false') continue;
          tagged.push(
            `  ${first ? '' : '} else '}if (${cond}) {`,
            ...indent(indent(this.readField(f, `o.${f.name}`, f.tagged, true))),
          );
          first = false;
        }
        if (!first) {
          tagged.push(
            '  } else {',
            '    (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });',
            '    continue;',
            '  }',
            // biome-ignore lint/suspicious/noTemplateCurlyInString: this is emitted source text
            '  if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);',
          );
        } else {
          tagged.push('  (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });');
        }
      } else {
        tagged.push('  (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });');
      }
      tagged.push('}');
      read.push(...guarded(flexVar, tagged));
    }
    read.push('return o;');

    // write
    const write: string[] = [];
    if (flexVar === 'flexible') write.push(`const flexible = ${flexStruct};`);
    for (const f of s.fields) {
      const exists = versionCondition(f.versions, ctx);
      const regularHere = versionCondition(regularVersions(f), ctx);
      write.push(...guarded(regularHere, this.writeField(f, `o.${f.name}`, intersect(regularVersions(f), ctx), false)));
      // A non-default value in a version without the field would be lost: Kafka refuses
      // to write it unless the field is marked ignorable.
      if (!f.ignorable && exists !== 'true') {
        write.push(
          ...guarded(not(exists), [
            `if (!(${this.isDefaultExpr(f, `o.${f.name}`)})) throw fieldNotSupported('${f.schemaName}', v);`,
          ]),
        );
      }
    }
    const size: string[] = ['let s = 0;'];
    if (flexVar === 'flexible') size.push(`const flexible = ${flexStruct};`);
    for (const f of regular) {
      const present = versionCondition(regularVersions(f), ctx);
      size.push(...guarded(present, this.sizeField(f, `o.${f.name}`, 's', intersect(regularVersions(f), ctx), false)));
    }
    if (flexAny) {
      const tw: string[] = ['const u = o._unknownTaggedFields;', 'let count = u === null ? 0 : u.length;'];
      const ts: string[] = [
        'const u = o._unknownTaggedFields;',
        'let count = 0;',
        'if (u !== null) {',
        '  count = u.length;',
        '  s += sizeOfTaggedFields(u);',
        '}',
      ];
      const writes: string[] = [];
      for (const f of taggedFields) {
        const inVersion = versionCondition(f.tagged, ctx);
        if (inVersion === 'false') continue;
        const has = this.fresh('has');
        const hasExpr = and(inVersion, `!(${this.isDefaultExpr(f, `o.${f.name}`)})`);
        tw.push(`const ${has} = ${hasExpr};`, `if (${has}) count++;`);
        const fieldSize = this.fresh('size');
        writes.push(
          `if (${has}) {`,
          `  ui = writeTaggedFieldsBelow(w, u, ui, ${f.tag});`,
          `  w.unsignedVarint(${f.tag});`,
          `  let ${fieldSize} = 0;`,
          ...indent(this.sizeField(f, `o.${f.name}`, fieldSize, f.tagged, true)),
          `  w.unsignedVarint(${fieldSize});`,
          ...indent(this.writeField(f, `o.${f.name}`, f.tagged, true)),
          '}',
        );
        const sz = this.fresh('size');
        ts.push(
          `if (${hasExpr}) {`,
          '  count++;',
          `  let ${sz} = 0;`,
          ...indent(this.sizeField(f, `o.${f.name}`, sz, f.tagged, true)),
          `  s += sizeOfUnsignedVarint(${f.tag}) + sizeOfUnsignedVarint(${sz}) + ${sz};`,
          '}',
        );
      }
      tw.push('w.unsignedVarint(count);');
      if (writes.length > 0) tw.push('let ui = 0;', ...writes, 'writeTaggedFieldsBelow(w, u, ui, Infinity);');
      else tw.push('writeTaggedFieldsBelow(w, u, 0, Infinity);');
      ts.push('s += sizeOfUnsignedVarint(count);');
      write.push(...guarded(flexVar, tw));
      size.push(...guarded(flexVar, ts));
    }
    size.push('return s;');

    const isDefault = s.fields.map((f) => `(${this.isDefaultExpr(f, `o.${f.name}`)})`);
    if (flexAny) isDefault.push('(o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0)');

    out.push('');
    out.push(`  static read(r: Reader, v: number): ${s.className} {`, ...indent(indent(read)), '  }');
    out.push('');
    out.push(`  static write(w: Writer, v: number, o: ${s.className}): void {`, ...indent(indent(write)), '  }');
    out.push('');
    out.push(`  static size(v: number, o: ${s.className}): number {`, ...indent(indent(size)), '  }');
    out.push('');
    out.push('  /** True when every field holds its default value. */');
    out.push(`  static isDefault(o: ${s.className}): boolean {`);
    out.push(`    return ${isDefault.length === 0 ? 'true' : isDefault.join(' &&\n      ')};`);
    out.push('  }');
    out.push('}');
    return out;
  }
}

/** The versions in which `f` is a regular (not tagged) field; must be one range. */
export function regularVersions(f: FieldModel): Versions {
  const v = f.versions;
  const t = f.tagged;
  if (isEmpty(t)) return v;
  if (covers(t, v)) return { lo: 1, hi: 0 };
  if (t.hi >= v.hi && t.lo > v.lo) return { lo: v.lo, hi: t.lo - 1 };
  if (t.lo <= v.lo && t.hi < v.hi) return { lo: t.hi + 1, hi: v.hi };
  throw new Error(`field ${f.schemaName}: tagged versions split its versions in two`);
}

function docComment(f: FieldModel): string | null {
  const parts: string[] = [];
  if (f.about) parts.push(f.about.replaceAll('*/', '*\\/'));
  const v = f.versions;
  if (!isEmpty(v)) parts.push(`Versions ${v.lo}${v.hi >= 0x7fff ? '+' : `-${v.hi}`}.`);
  else parts.push('Not in any valid version.');
  if (f.tag !== undefined) parts.push(`Tag ${f.tag}.`);
  return `/** ${parts.join(' ')} */`;
}
