import type { ComponentChildren } from 'preact';

/**
 * An interface string with its `{name}` slots filled from `values`, each value isolated in a
 * `<bdi>` so a name, number or date in one direction keeps the sentence's punctuation in
 * place in the other. A slot without a value is left out.
 *
 * @example
 * fillIn('Tips you closed: {count}.', { count: 3 }) // ['Tips you closed: ', <bdi>3</bdi>, '.']
 */
export const fillIn = (template: string, values: Record<string, ComponentChildren>): ComponentChildren[] =>
  template.split(/\{(\w+)\}/).map((part, i) => (i % 2 ? <bdi key={i}>{values[part]}</bdi> : part));
