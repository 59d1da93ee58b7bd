/**
 * Appends a key or an index to a JSON path: `$.rules` + `2` → `$.rules[2]`,
 * `$.show.locales` + `fr-CA` → `$.show.locales["fr-CA"]`.
 *
 * @example childPath('$.rules', 0) // '$.rules[0]'
 */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
