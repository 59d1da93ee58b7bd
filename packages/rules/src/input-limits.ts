import type { IssueCode, IssueParams } from './issue-messages';
import { childPath } from './json-path';
import { isObject } from './read-fields';

/** Limits on a rules file, checked before anything else reads it. */
export const INPUT_LIMITS = {
  /** Characters of JSON text `parseRules` accepts (512 KiB). */
  textLength: 512 * 1024,
  /** Nesting of objects and arrays. */
  depth: 32,
  /** Objects, arrays and values in all. */
  nodes: 50_000,
  /** Characters in any one string. */
  stringLength: 10_000,
} as const;

/** Keys that could reach an object's prototype in careless code downstream. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Walks an untrusted value without recursion and returns the first reason to refuse it
 * (its JSON path and issue code), or `null`: nesting deeper than 32, more than 50,000 nodes, a string
 * over 10,000 characters, a key `__proto__`, `constructor` or `prototype`, or anything that
 * is not plain JSON data (functions, class instances, non-finite numbers). With `deepRules`, nesting too
 * deep inside one rule (`$.rules[i]…`) does not refuse the file: the rule's index goes into `deepRules`
 * with the path where it happened, its content is not walked further, and the walk goes on.
 *
 * @example checkInputLimits(JSON.parse('{"__proto__": {}}')) // { path: '$.__proto__', code: 'refused_key', ... }
 */
export function checkInputLimits(
  input: unknown,
  deepRules?: Map<number, string>,
): { path: string; code: IssueCode; params: IssueParams } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '$', depth: 0 }];
  const tooLarge = { path: '$', code: 'refused_size', params: { max: INPUT_LIMITS.nodes } } as const;
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (++nodes > INPUT_LIMITS.nodes) return tooLarge;
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { path, code: 'refused_number', params: {} };
      continue;
    }
    if (typeof value === 'string') {
      if (value.length > INPUT_LIMITS.stringLength) return { path, code: 'refused_string', params: { max: INPUT_LIMITS.stringLength } };
      continue;
    }
    const isArray = Array.isArray(value);
    if (!isArray && !isObject(value)) return { path, code: 'refused_value', params: {} };
    if (depth >= INPUT_LIMITS.depth) {
      const rule = deepRules && /^\$\.rules\[(\d+)\]/.exec(path);
      if (!rule) return { path, code: 'refused_depth', params: { max: INPUT_LIMITS.depth } };
      if (!deepRules.has(+rule[1]!)) deepRules.set(+rule[1]!, path);
      continue;
    }
    if (isArray) {
      const array = value as readonly unknown[];
      if (array.length > INPUT_LIMITS.nodes) return tooLarge;
      for (let i = array.length - 1; i >= 0; i--) stack.push({ value: array[i], path: childPath(path, i), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value as object);
    if (keys.length > INPUT_LIMITS.nodes) return tooLarge;
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (FORBIDDEN_KEYS.includes(key)) return { path: childPath(path, key), code: 'refused_key', params: { key } };
      stack.push({ value: (value as Record<string, unknown>)[key], path: childPath(path, key), depth: depth + 1 });
    }
  }
  return null;
}
