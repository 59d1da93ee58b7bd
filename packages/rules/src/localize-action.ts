import type { Action, ContentVariant } from './types';

/**
 * The locale variant that best fits a BCP 47 tag: the exact tag (case-insensitive), then the
 * bare language (`fr` for `fr-CA`), then another region of the language (`pt-PT` for `pt-BR`).
 *
 * @example pickVariant({ de: { title: 'Hallo' } }, 'de-AT') // { title: 'Hallo' }
 */
export function pickVariant<V = ContentVariant>(
  locales: Readonly<Record<string, V>> | undefined,
  locale: string | undefined,
): V | undefined {
  if (!locales || !locale) return undefined;
  const tags = Object.keys(locales);
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0] as string;
  const tag =
    tags.find((t) => t.toLowerCase() === wanted) ??
    tags.find((t) => t.toLowerCase() === language) ??
    tags.find((t) => t.toLowerCase().split('-')[0] === language);
  return tag === undefined ? undefined : locales[tag];
}

/**
 * The action as the visitor should read it: the best locale variant's texts over the
 * defaults, with `locales` removed. Also returns the variant's `because`, if any.
 *
 * @example localizeAction(rule.show, 'de').action.title // 'Brauchen Sie Hilfe?'
 */
export function localizeAction(action: Action, locale: string | undefined): { action: Action; because: string | undefined } {
  const { locales, ...base } = action;
  const variant = pickVariant(locales, locale);
  if (!variant) return { action: base as Action, because: undefined };
  const { because, ...texts } = variant;
  // Validation allows only the texts each action type has, so a variant can simply overlay them.
  const merged = { ...base, ...texts };
  return { action: merged as unknown as Action, because };
}
