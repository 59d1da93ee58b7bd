/**
 * A JSON Schema (draft-07) document, or the subset of it that
 * {@link checkJsonSchema} understands.
 */
export type JsonSchema = { readonly [keyword: string]: unknown } | boolean;

/** The first place where a value breaks its schema. */
export interface SchemaError {
  /** JSONPath of the offending value, such as `$.events[2].email`. */
  path: string;
  /** What is wrong, in a few words, such as `unknown field`. */
  error: string;
}

// Keywords that only annotate: they never change whether a value is valid.
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'definitions', 'examples', 'default']);
const ASSERTIONS = new Set([
  '$ref',
  'type',
  'const',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'anyOf',
  'allOf',
  'if',
  'then',
  'else',
]);

/** Every keyword {@link checkJsonSchema} honours or may safely ignore. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([...ANNOTATIONS, ...ASSERTIONS]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const typeOf = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
};

const matchesType = (v: unknown, t: string) => {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
};

const memberPath = (path: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

const equal = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks a JSON value against a schema written in the small subset of
 * draft-07 that Attune's wire schema uses (`$ref` into `#/definitions`,
 * `type`, `const`, `enum`, `properties`, `required`, `additionalProperties`,
 * `items`, `min/maxItems`, `min/maxLength`, `pattern`, `minimum`, `maximum`,
 * `anyOf`, `allOf`, `if`/`then`/`else`), and returns the first error in
 * document order, or `null` when the value is valid.
 *
 * Unknown fields are reported before missing ones, so a renamed field names
 * the stray key. A keyword outside the subset throws, so the schema cannot
 * silently say more than this checker enforces.
 *
 * @example
 * ```ts
 * checkJsonSchema({ type: 'object', additionalProperties: false }, { a: 1 });
 * // → { path: '$.a', error: 'unknown field' }
 * ```
 */
export function checkJsonSchema(schema: JsonSchema, value: unknown, root: JsonSchema = schema): SchemaError | null {
  return check(schema, value, '$', root);
}

function resolve(ref: string, root: JsonSchema): JsonSchema {
  const m = /^#\/definitions\/([^/]+)$/.exec(ref);
  const target = m && isObject(root) && isObject(root.definitions) ? root.definitions[m[1]!] : undefined;
  if (target === undefined) throw new Error(`unsupported or unknown $ref ${ref}`);
  return target as JsonSchema;
}

function check(schema: JsonSchema, v: unknown, path: string, root: JsonSchema): SchemaError | null {
  if (schema === true) return null;
  if (schema === false) return { path, error: 'not allowed' };
  for (const k of Object.keys(schema)) {
    if (!SUPPORTED_KEYWORDS.has(k)) throw new Error(`unsupported JSON Schema keyword ${k}`);
  }
  const s = schema as Record<string, unknown>;
  const fail = (error: string, at = path): SchemaError => ({ path: at, error });

  if (typeof s.$ref === 'string') {
    const e = check(resolve(s.$ref, root), v, path, root);
    if (e) return e;
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => matchesType(v, t))) return fail(`must be ${types.join(' or ')}`);
  }
  if ('const' in s && !equal(v, s.const)) return fail(`must be ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.some((e) => equal(e, v))) {
    return fail(`must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }

  if (typeof v === 'string') {
    if (typeof s.minLength === 'number' && [...v].length < s.minLength) return fail(`must have at least ${s.minLength} characters`);
    if (typeof s.maxLength === 'number' && [...v].length > s.maxLength) return fail(`must have at most ${s.maxLength} characters`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) return fail(`must match ${s.pattern}`);
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail('must be a finite number');
    if (typeof s.minimum === 'number' && v < s.minimum) return fail(`must be at least ${s.minimum}`);
    if (typeof s.maximum === 'number' && v > s.maximum) return fail(`must be at most ${s.maximum}`);
  }
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && v.length < s.minItems) return fail(`must have at least ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) return fail(`must have at most ${s.maxItems} items`);
    if (s.items !== undefined) {
      for (let i = 0; i < v.length; i++) {
        const e = check(s.items as JsonSchema, v[i], `${path}[${i}]`, root);
        if (e) return e;
      }
    }
  }
  if (isObject(v)) {
    const props = isObject(s.properties) ? s.properties : {};
    if (s.additionalProperties !== undefined) {
      for (const key of Object.keys(v)) {
        if (Object.prototype.hasOwnProperty.call(props, key)) continue;
        if (s.additionalProperties === false) return fail('unknown field', memberPath(path, key));
        const e = check(s.additionalProperties as JsonSchema, v[key], memberPath(path, key), root);
        if (e) return e;
      }
    }
    if (Array.isArray(s.required)) {
      for (const key of s.required as string[]) {
        if (!Object.prototype.hasOwnProperty.call(v, key)) return fail('is required', memberPath(path, key));
      }
    }
    for (const key of Object.keys(props)) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      const e = check(props[key] as JsonSchema, v[key], memberPath(path, key), root);
      if (e) return e;
    }
  }

  if (Array.isArray(s.allOf)) {
    for (const sub of s.allOf as JsonSchema[]) {
      const e = check(sub, v, path, root);
      if (e) return e;
    }
  }
  if (Array.isArray(s.anyOf)) {
    const branches = s.anyOf as JsonSchema[];
    const errors = branches.map((sub) => check(sub, v, path, root));
    if (errors.every((e) => e !== null)) {
      // One branch with the same JSON type as the value explains the failure best.
      const typed = branches.findIndex((b) => {
        const d = isObject(b) && typeof b.$ref === 'string' ? resolve(b.$ref, root) : b;
        return isObject(d) && typeof d.type === 'string' && matchesType(v, d.type);
      });
      return typed >= 0 ? errors[typed]! : fail('matches none of the allowed shapes');
    }
  }
  if (s.if !== undefined) {
    const branch = check(s.if as JsonSchema, v, path, root) === null ? s.then : s.else;
    if (branch !== undefined) {
      const e = check(branch as JsonSchema, v, path, root);
      if (e) return e;
    }
  }
  return null;
}
