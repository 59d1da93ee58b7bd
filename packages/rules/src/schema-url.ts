/**
 * Where editors fetch the rules JSON Schema; put it in a rules file's `$schema` for
 * autocompletion. The same file ships in the package as `@attune/rules/schema/rules.schema.json`.
 *
 * @example { "$schema": RULES_SCHEMA_URL, "version": 1, "rules": [] }
 */
export const RULES_SCHEMA_URL = 'https://unpkg.com/@attune/rules@0/schema/rules.schema.json';
