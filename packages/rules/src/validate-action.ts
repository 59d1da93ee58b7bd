import type { IssueReport } from './issue-report';
import { childPath } from './json-path';
import { checkComment, checkKeys, isObject, own, readText, type JsonObject } from './read-fields';
import { isSafeHref } from './safe-href';
import type { Action, ActionType, AskOption, ContentVariant, HelpLink } from './types';
import { readArticleTags } from './read-tags';
import { readHandoffRoute, readHelpHandoff, ROUTE_KEYS } from './validate-handoff-route';

/** Every action type a rule may take. */
export const ACTION_TYPES: readonly ActionType[] = ['help', 'ask', 'handoff', 'callback'];

/** Hard limits on rule text; the content linter warns well before these. */
export const TEXT_LIMITS = {
  title: 120,
  body: 1000,
  question: 200,
  label: 80,
  because: 300,
  why: 300,
  name: 64,
  describe: 200,
  description: 2000,
} as const;
const INPUTS = ['single', 'multiple', 'text', 'email'];

const NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const LOCALE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/;

function readLinks(object: JsonObject, path: string, report: IssueReport): HelpLink[] | null | undefined {
  const links = own(object, 'links');
  if (links === undefined) return undefined;
  const at = childPath(path, 'links');
  if (!Array.isArray(links) || links.length > 5) {
    report.error(at, 'bad_links');
    return null;
  }
  const clean: HelpLink[] = [];
  let ok = true;
  links.forEach((link, i) => {
    const linkPath = childPath(at, i);
    if (!isObject(link)) {
      report.error(linkPath, 'link_not_object');
      ok = false;
      return;
    }
    const keysOk = checkKeys(link, ['label', 'href'], linkPath, report, 'a link');
    const label = readText(link, 'label', linkPath, report, { max: TEXT_LIMITS.label, required: true });
    const href = own(link, 'href');
    if (!isSafeHref(href)) {
      report.error(childPath(linkPath, 'href'), 'unsafe_href');
      ok = false;
    }
    if (!keysOk || !label) ok = false;
    else if (ok) clean.push({ label, href: href as string });
  });
  return ok ? clean : null;
}

function readOptions(object: JsonObject, path: string, report: IssueReport): AskOption[] | null | undefined {
  const options = own(object, 'options');
  if (options === undefined) return undefined;
  const at = childPath(path, 'options');
  if (!Array.isArray(options) || options.length < 2 || options.length > 8) {
    report.error(at, 'bad_options');
    return null;
  }
  const clean: AskOption[] = [];
  const seen = new Set<string>();
  let ok = true;
  options.forEach((option, i) => {
    const optionPath = childPath(at, i);
    if (!isObject(option)) {
      report.error(optionPath, 'option_not_object');
      ok = false;
      return;
    }
    const keysOk = checkKeys(option, ['value', 'label'], optionPath, report, 'a choice');
    const value = readText(option, 'value', optionPath, report, { max: TEXT_LIMITS.name, required: true });
    const label = readText(option, 'label', optionPath, report, { max: TEXT_LIMITS.label, required: true });
    if (value && seen.has(value)) {
      report.error(childPath(optionPath, 'value'), 'duplicate_option', { value });
      ok = false;
    }
    if (value) seen.add(value);
    if (!keysOk || !value || !label) ok = false;
    else clean.push({ value, label });
  });
  return ok ? clean : null;
}

/** What a locale variant may hold: an action's texts by its type, or an intent's `describe`. */
export type VariantOwner = ActionType | 'intent';

const VARIANT_FIELDS: Readonly<Record<VariantOwner, readonly (keyof ContentVariant)[]>> = {
  help: ['title', 'body', 'links', 'because'],
  ask: ['question', 'options', 'because', 'why'],
  handoff: ['title', 'body', 'label', 'because'],
  callback: ['title', 'body', 'because'],
  intent: ['describe'],
};

/**
 * Reads one locale variant: the texts `type` allows, each within its limit. `null` after reporting.
 *
 * @example readVariant({ describe: 'Sie haben verglichen.' }, 'intent', '$.intents.comparing.locales.de', report, undefined)
 */
export function readVariant(
  object: unknown,
  type: VariantOwner,
  path: string,
  report: IssueReport,
  defaultValues: readonly string[] | undefined,
): ContentVariant | null {
  if (!isObject(object)) {
    report.error(path, 'variant_not_object');
    return null;
  }
  const fields = VARIANT_FIELDS[type];
  let ok = checkKeys(object, fields, path, report, `a \`${type}\` locale variant`);
  const clean: ContentVariant = {};
  for (const key of ['title', 'body', 'question', 'label', 'because', 'why', 'describe'] as const) {
    if (!fields.includes(key)) continue;
    const text = readText(object, key, path, report, { max: TEXT_LIMITS[key] });
    if (text === null) ok = false;
    else if (text !== undefined) clean[key] = text;
  }
  if (fields.includes('links')) {
    const links = readLinks(object, path, report);
    if (links === null) ok = false;
    else if (links) clean.links = links;
  }
  if (fields.includes('options')) {
    const options = readOptions(object, path, report);
    if (options === null) ok = false;
    else if (options) {
      const values = options.map((o) => o.value).join('\u0000');
      if (defaultValues && values !== defaultValues.join('\u0000')) {
        report.error(childPath(path, 'options'), 'variant_options_changed');
        ok = false;
      } else clean.options = options;
    }
  }
  return ok ? clean : null;
}

/**
 * Validates a rule's `show` and returns a clean action, or `null` after reporting:
 * an unknown type, missing or overlong text, unsafe links, `dismissible: false` (every
 * intervention needs a way out), an `ask` without a `field`, a handoff without a reachable
 * `href`, or a bad locale variant.
 *
 * @example validateAction({ type: 'help', title: 'Need a hand?', body: '…' }, '$.rules[0].show', report)
 */
export function validateAction(value: unknown, path: string, report: IssueReport): Action | null {
  if (!isObject(value)) {
    report.error(path, 'action_not_object');
    return null;
  }
  const type = own(value, 'type');
  if (typeof type !== 'string' || !ACTION_TYPES.includes(type as ActionType)) {
    report.error(childPath(path, 'type'), 'unknown_action', {
      types: ACTION_TYPES.join(', '),
      near: typeof type === 'string' ? report.near(type, ACTION_TYPES) : '',
    });
    return null;
  }
  const actionType = type as ActionType;
  const common = ['type', 'dismissible', 'locales'];
  const specific: Readonly<Record<ActionType, readonly string[]>> = {
    help: ['title', 'body', 'links', 'handoff', 'from', 'tags'],
    ask: ['field', 'question', 'options', 'input', 'why'],
    handoff: ['title', 'body', 'label', ...ROUTE_KEYS],
    callback: ['name', 'title', 'body'],
  };
  let ok = checkKeys(value, [...common, ...specific[actionType]], path, report, `a \`${actionType}\` action`);
  const clean: Record<string, unknown> = { type: actionType };

  const dismissible = own(value, 'dismissible');
  if (dismissible !== undefined && dismissible !== true) {
    report.error(childPath(path, 'dismissible'), 'not_dismissible');
    ok = false;
  }

  const text = (key: keyof typeof TEXT_LIMITS, required: boolean) => {
    const result = readText(value, key, path, report, { max: TEXT_LIMITS[key], required });
    if (result === null) ok = false;
    else if (result !== undefined) clean[key] = result;
  };

  if (actionType === 'help' || actionType === 'handoff') {
    text('title', true);
    text('body', true);
  }
  if (actionType === 'help') {
    const links = readLinks(value, path, report);
    if (links === null) ok = false;
    else if (links) clean.links = links;
    const handoff = own(value, 'handoff');
    const route = handoff === undefined ? undefined : readHelpHandoff(handoff, childPath(path, 'handoff'), report);
    if (route === null) ok = false;
    else if (route) clean.handoff = route;
    const from = own(value, 'from');
    if (from !== undefined && from !== 'articles') {
      report.error(childPath(path, 'from'), 'bad_from');
      ok = false;
    } else if (from) clean.from = from;
    const tags = readArticleTags(value, 'tags', path, report);
    if (tags === null) ok = false;
    else if (tags) clean.tags = tags;
  }
  if (actionType === 'ask') {
    const field = own(value, 'field');
    if (field === undefined) {
      report.error(childPath(path, 'field'), 'ask_without_field');
      ok = false;
    } else if (typeof field !== 'string' || !NAME.test(field)) {
      report.error(childPath(path, 'field'), 'bad_name', { key: 'field' });
      ok = false;
    } else clean.field = field;
    text('question', true);
    const options = readOptions(value, path, report);
    if (options === null) ok = false;
    else if (options) clean.options = options;
    const input = own(value, 'input');
    if (input !== undefined && !INPUTS.includes(input as string)) {
      report.error(childPath(path, 'input'), 'not_one_of', { key: 'input', values: INPUTS.join(', '), near: '' });
      ok = false;
    } else if (input !== undefined) clean.input = input;
    text('why', false);
  }
  if (actionType === 'handoff') {
    const route = readHandoffRoute(value, path, report);
    if (route) Object.assign(clean, route);
    else ok = false;
    text('label', false);
  }
  if (actionType === 'callback') {
    const name = own(value, 'name');
    if (typeof name !== 'string' || !NAME.test(name)) {
      report.error(childPath(path, 'name'), 'bad_name', { key: 'name' });
      ok = false;
    } else clean.name = name;
    text('title', false);
    text('body', false);
  }

  if (own(value, 'locales') !== undefined) {
    const defaultValues = Array.isArray(clean.options) ? (clean.options as AskOption[]).map((o) => o.value) : undefined;
    const locales = readLocales(value, actionType, path, report, defaultValues);
    if (locales) clean.locales = locales;
    else ok = false;
  }
  return ok ? (clean as unknown as Action) : null;
}

/**
 * Reads `object.locales`: variants by BCP 47 tag, each read by `readVariant`. `null` after
 * reporting when it is not an object, a tag is malformed or a variant is invalid.
 *
 * @example readLocales(intent, 'intent', '$.intents.comparing', report, undefined) // { de: { describe: '…' } }
 */
export function readLocales(
  object: JsonObject,
  type: VariantOwner,
  path: string,
  report: IssueReport,
  defaultValues: readonly string[] | undefined,
): Record<string, ContentVariant> | null {
  const locales = own(object, 'locales');
  const at = childPath(path, 'locales');
  if (!isObject(locales)) {
    report.error(at, 'locales_not_object');
    return null;
  }
  const variants: Record<string, ContentVariant> = {};
  let ok = checkComment(locales, at, report);
  for (const tag of Object.keys(locales)) {
    if (tag === '$comment') continue;
    const tagPath = childPath(at, tag);
    const variant = LOCALE_TAG.test(tag)
      ? readVariant(locales[tag], type, tagPath, report, defaultValues)
      : report.error(tagPath, 'bad_locale_tag', { tag: tag.slice(0, 40) });
    if (variant) variants[tag] = variant;
    else ok = false;
  }
  return ok ? variants : null;
}
