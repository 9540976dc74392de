/**
 * The resolved model of a message: every struct with its class name, every field with
 * its kind, TypeScript type, default and version ranges already intersected with the
 * versions in which the enclosing struct can appear.
 */
import type { FieldSpec, MessageSpec, StructSpec, Versions } from './schema.js';
import { intersect, isEmpty, NO_VERSIONS, parseVersions } from './schema.js';

export type ScalarKind =
  | 'bool'
  | 'int8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'float64'
  | 'uuid'
  | 'string'
  | 'bytes'
  | 'records';

export type ElementType = { kind: 'scalar'; scalar: ScalarKind } | { kind: 'struct'; struct: StructModel };

export interface FieldModel {
  /** Schema name, e.g. "TopicId". */
  schemaName: string;
  /** Property name, e.g. "topicId". */
  name: string;
  about: string | undefined;
  /** What the field holds: a scalar, a struct, or an array of either. */
  type: ElementType | { kind: 'array'; element: ElementType };
  /** Versions the field exists in, within the enclosing struct's versions. */
  versions: Versions;
  nullable: Versions;
  /** Versions in which the field is a tagged field (a subset of `versions`). */
  tagged: Versions;
  tag: number | undefined;
  ignorable: boolean;
  /** Versions in which the field uses compact encodings (usually the message's). */
  flexible: Versions;
  /** True when null is allowed in some version: the TypeScript type includes null. */
  canBeNull: boolean;
  /** Default value as a TypeScript expression. */
  defaultExpr: string;
  /** The default is null (only for nullable fields). */
  defaultIsNull: boolean;
  tsType: string;
}

export interface StructModel {
  className: string;
  /** Versions in which this struct can appear. */
  versions: Versions;
  fields: FieldModel[];
  /** Flexible versions of the message, within `versions`. */
  flexible: Versions;
}

export interface MessageModel {
  spec: MessageSpec;
  valid: Versions;
  flexible: Versions;
  /** All structs, the top-level one first, nested ones in definition order. */
  structs: StructModel[];
  top: StructModel;
}

const SCALARS = new Set<string>([
  'bool',
  'int8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'float64',
  'uuid',
  'string',
  'bytes',
  'records',
]);

/** Names a generated class may not take: they would shadow what generated code uses. */
const RESERVED = new Set([
  'Array',
  'Buffer',
  'Error',
  'Map',
  'Number',
  'Object',
  'Promise',
  'Reader',
  'Record',
  'Set',
  'String',
  'TaggedField',
  'Uuid',
  'Writer',
]);

export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function tsTypeOfScalar(kind: ScalarKind): string {
  switch (kind) {
    case 'bool':
      return 'boolean';
    case 'int64':
      return 'bigint';
    case 'uuid':
      return 'Uuid';
    case 'string':
      return 'string';
    case 'bytes':
    case 'records':
      return 'Buffer';
    default:
      return 'number';
  }
}

function scalarDefault(kind: ScalarKind, text: string | number | boolean | null | undefined, where: string): string {
  const t = text === undefined || text === null ? undefined : String(text);
  switch (kind) {
    case 'bool':
      if (t === undefined) return 'false';
      if (t !== 'true' && t !== 'false') throw new Error(`${where}: bad bool default ${t}`);
      return t;
    case 'int64': {
      if (t === undefined) return '0n';
      return `${BigInt(t)}n`;
    }
    case 'float64':
    case 'int8':
    case 'int16':
    case 'uint16':
    case 'int32':
    case 'uint32': {
      if (t === undefined) return '0';
      const n = Number(t);
      if (!Number.isFinite(n)) throw new Error(`${where}: bad numeric default ${t}`);
      return String(n);
    }
    case 'uuid':
      if (t !== undefined && t !== '' && t !== 'AAAAAAAAAAAAAAAAAAAAAA')
        throw new Error(`${where}: unsupported uuid default`);
      return 'ZERO_UUID';
    case 'string':
      return JSON.stringify(t ?? '');
    case 'bytes':
      if (t !== undefined && t !== '') throw new Error(`${where}: unsupported bytes default`);
      return 'EMPTY_BYTES';
    case 'records':
      return 'null';
  }
}

export function buildModel(spec: MessageSpec): MessageModel {
  const valid = parseVersions(spec.validVersions);
  const flexible = intersect(parseVersions(spec.flexibleVersions), valid);
  const common = new Map<string, StructSpec>();
  for (const s of spec.commonStructs ?? []) common.set(s.name, s);
  const byName = new Map<string, StructModel>();
  const structs: StructModel[] = [];

  function structFor(name: string, fields: FieldSpec[] | undefined, versions: Versions, where: string): StructModel {
    const existing = byName.get(name);
    if (existing) {
      if (fields !== undefined) throw new Error(`${where}: struct ${name} defined twice`);
      return existing;
    }
    // A common struct can be reached from several fields: it may appear in any valid version.
    if (common.has(name)) versions = valid;
    const source = fields ?? common.get(name)?.fields;
    if (source === undefined) throw new Error(`${where}: unknown struct type ${name}`);
    const className = RESERVED.has(name) || name === spec.name ? `${name}Data` : name;
    const model: StructModel = { className, versions, fields: [], flexible: intersect(flexible, versions) };
    byName.set(name, model);
    structs.push(model);
    model.fields = source.map((f) => fieldFor(f, versions, `${where}.${f.name}`));
    return model;
  }

  function elementFor(type: string, f: FieldSpec, versions: Versions, where: string): ElementType {
    if (SCALARS.has(type)) {
      if (f.fields !== undefined) throw new Error(`${where}: scalar ${type} with fields`);
      return { kind: 'scalar', scalar: type as ScalarKind };
    }
    if (!/^[A-Z][A-Za-z0-9]*$/.test(type)) throw new Error(`${where}: unknown type ${type}`);
    return { kind: 'struct', struct: structFor(type, f.fields, versions, where) };
  }

  function fieldFor(f: FieldSpec, parent: Versions, where: string): FieldModel {
    const versions = intersect(parseVersions(f.versions), parent);
    const nullable = intersect(parseVersions(f.nullableVersions), versions);
    const tagged = intersect(parseVersions(f.taggedVersions), versions);
    // Some definitions write the tag as a string ("tag": "0").
    const tag = f.tag === undefined ? undefined : Number(f.tag);
    if (tag !== undefined && !(Number.isInteger(tag) && tag >= 0)) throw new Error(`${where}: bad tag ${f.tag}`);
    if (!isEmpty(tagged) && f.tag === undefined) throw new Error(`${where}: taggedVersions without tag`);
    if (f.tag !== undefined && isEmpty(parseVersions(f.taggedVersions)))
      throw new Error(`${where}: tag without taggedVersions`);
    const fieldFlexible =
      f.flexibleVersions === undefined ? flexible : intersect(parseVersions(f.flexibleVersions), valid);
    const structVersions = isEmpty(versions) ? NO_VERSIONS : versions;
    const isArray = f.type.startsWith('[]');
    const element = elementFor(isArray ? f.type.slice(2) : f.type, f, structVersions, where);
    const canBeNull = !isEmpty(nullable) || (element.kind === 'scalar' && element.scalar === 'records' && !isArray);
    const defaultIsNull = f.default === 'null' || f.default === null;
    if (defaultIsNull && !canBeNull) throw new Error(`${where}: null default on a non-nullable field`);
    let tsType: string;
    let defaultExpr: string;
    if (isArray) {
      const el = element.kind === 'scalar' ? tsTypeOfScalar(element.scalar) : element.struct.className;
      tsType = `${el}[]`;
      if (f.default !== undefined && !defaultIsNull) throw new Error(`${where}: unsupported array default`);
      defaultExpr = defaultIsNull ? 'null' : '[]';
    } else if (element.kind === 'struct') {
      tsType = element.struct.className;
      if (f.default !== undefined && !defaultIsNull) throw new Error(`${where}: unsupported struct default`);
      defaultExpr = defaultIsNull ? 'null' : `new ${element.struct.className}()`;
    } else {
      tsType = tsTypeOfScalar(element.scalar);
      defaultExpr = defaultIsNull ? 'null' : scalarDefault(element.scalar, f.default, where);
    }
    if (canBeNull) tsType = `${tsType} | null`;
    return {
      schemaName: f.name,
      name: camelCase(f.name),
      about: f.about,
      type: isArray ? { kind: 'array', element } : element,
      versions,
      nullable,
      tagged,
      tag,
      ignorable: f.ignorable === true,
      flexible: intersect(fieldFlexible, versions),
      canBeNull,
      defaultExpr,
      defaultIsNull: defaultIsNull || (element.kind === 'scalar' && element.scalar === 'records' && !isArray),
      tsType,
    };
  }

  const top = structFor(spec.name, spec.fields, valid, spec.name);
  top.className = spec.name;
  for (const s of structs) {
    const names = new Set<string>();
    for (const f of s.fields) {
      if (names.has(f.name)) throw new Error(`${spec.name}: ${s.className} has two fields named ${f.name}`);
      names.add(f.name);
    }
    const tags = new Set<number>();
    for (const f of s.fields) {
      if (f.tag === undefined) continue;
      if (tags.has(f.tag)) throw new Error(`${spec.name}: ${s.className} uses tag ${f.tag} twice`);
      tags.add(f.tag);
    }
  }
  return { spec, valid, flexible, structs, top };
}
