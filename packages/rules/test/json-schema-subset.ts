/**
 * A small JSON Schema (draft-07) checker for the keywords `rules.schema.json` uses, so the
 * tests can hold the schema to the validator without adding a dependency. It refuses any
 * keyword it does not implement, so the schema cannot drift into untested territory.
 */

type Schema = boolean | Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'definitions', 'examples']);
const KEYWORDS = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'patternProperties',
  'additionalProperties',
  'required',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
]);

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const equal = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Errors of `value` against `schema` (JSON paths with the failed keyword); empty when valid. */
export function checkJsonSchema(root: Record<string, unknown>, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    const match = /^#\/definitions\/(.+)$/.exec(ref);
    const definitions = root.definitions as Record<string, Schema> | undefined;
    const target = match ? definitions?.[match[1] as string] : undefined;
    if (target === undefined) throw new Error(`unresolvable $ref ${ref}`);
    return target;
  };
  const check = (schema: Schema, v: unknown, path: string, out: string[]): void => {
    if (schema === true) return;
    if (schema === false) return void out.push(`${path}: false schema`);
    for (const key of Object.keys(schema)) {
      if (!KEYWORDS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`unsupported keyword ${key}`);
    }
    const s = schema as Record<string, any>;
    if (s.$ref) return check(resolve(s.$ref), v, path, out);
    const t = typeOf(v);
    if (s.type !== undefined) {
      const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
      if (!types.some((want) => want === t || (want === 'number' && t === 'integer'))) return void out.push(`${path}: type`);
    }
    if (s.enum && !s.enum.some((e: unknown) => equal(e, v))) out.push(`${path}: enum`);
    if ('const' in s && !equal(s.const, v)) out.push(`${path}: const`);
    if (t === 'string') {
      const length = [...(v as string)].length;
      if (s.minLength !== undefined && length < s.minLength) out.push(`${path}: minLength`);
      if (s.maxLength !== undefined && length > s.maxLength) out.push(`${path}: maxLength`);
      if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v as string)) out.push(`${path}: pattern`);
    }
    if (t === 'number' || t === 'integer') {
      if (s.minimum !== undefined && (v as number) < s.minimum) out.push(`${path}: minimum`);
      if (s.maximum !== undefined && (v as number) > s.maximum) out.push(`${path}: maximum`);
    }
    if (t === 'array') {
      const array = v as unknown[];
      if (s.minItems !== undefined && array.length < s.minItems) out.push(`${path}: minItems`);
      if (s.maxItems !== undefined && array.length > s.maxItems) out.push(`${path}: maxItems`);
      if (s.items !== undefined) array.forEach((item, i) => check(s.items, item, `${path}[${i}]`, out));
    }
    if (t === 'object') {
      const object = v as Record<string, unknown>;
      for (const key of s.required ?? []) if (!Object.prototype.hasOwnProperty.call(object, key)) out.push(`${path}.${key}: required`);
      for (const key of Object.keys(object)) {
        let matched = false;
        if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, key)) {
          matched = true;
          check(s.properties[key], object[key], `${path}.${key}`, out);
        }
        for (const [pattern, sub] of Object.entries((s.patternProperties ?? {}) as Record<string, Schema>)) {
          if (new RegExp(pattern, 'u').test(key)) {
            matched = true;
            check(sub, object[key], `${path}.${key}`, out);
          }
        }
        if (!matched && s.additionalProperties !== undefined) check(s.additionalProperties, object[key], `${path}.${key}`, out);
      }
    }
    const passes = (sub: Schema) => {
      const inner: string[] = [];
      check(sub, v, path, inner);
      return inner.length === 0;
    };
    if (s.allOf) for (const sub of s.allOf) check(sub, v, path, out);
    if (s.anyOf && !s.anyOf.some(passes)) out.push(`${path}: anyOf`);
    if (s.oneOf && s.oneOf.filter(passes).length !== 1) out.push(`${path}: oneOf`);
    if (s.not && passes(s.not)) out.push(`${path}: not`);
  };
  check(root, value, '$', errors);
  return errors;
}
