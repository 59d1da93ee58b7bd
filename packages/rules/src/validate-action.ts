import { suggest } from './did-you-mean';
import type { IssueReport } from './issue-report';
import { childPath } from './json-path';
import { checkKeys, isObject, own, readText, type JsonObject } from './read-fields';
import { isSafeHref } from './safe-href';
import type { Action, ActionType, AskOption, ContentVariant, HandoffChannel, HelpLink } from './types';

/** Every action type a rule may take. */
export const ACTION_TYPES: readonly ActionType[] = ['help', 'ask', 'handoff', 'callback'];
const CHANNELS: readonly HandoffChannel[] = ['chat', 'email', 'phone', 'link'];

/** Hard limits on rule text; the content linter warns well before these. */
export const TEXT_LIMITS = { title: 120, body: 1000, question: 200, label: 80, because: 300, name: 64 } as const;

const NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const LOCALE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/;

function readLinks(object: JsonObject, path: string, report: IssueReport): HelpLink[] | null | undefined {
  const links = own(object, 'links');
  if (links === undefined) return undefined;
  const at = childPath(path, 'links');
  if (!Array.isArray(links) || links.length > 5) {
    report.error(at, '`links` must be a list of at most 5 links.');
    return null;
  }
  const clean: HelpLink[] = [];
  let ok = true;
  links.forEach((link, i) => {
    const linkPath = childPath(at, i);
    if (!isObject(link)) {
      report.error(linkPath, 'a link must be an object with `label` and `href`.');
      ok = false;
      return;
    }
    const keysOk = checkKeys(link, ['label', 'href'], linkPath, report, 'a link');
    const label = readText(link, 'label', linkPath, report, { max: TEXT_LIMITS.label, required: true });
    const href = own(link, 'href');
    if (!isSafeHref(href)) {
      report.error(childPath(linkPath, 'href'), 'unsafe or missing link: use https:, http:, mailto:, tel: or a relative path such as `/faq`.');
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
    report.error(at, '`options` must be a list of 2 to 8 choices.');
    return null;
  }
  const clean: AskOption[] = [];
  const seen = new Set<string>();
  let ok = true;
  options.forEach((option, i) => {
    const optionPath = childPath(at, i);
    if (!isObject(option)) {
      report.error(optionPath, 'a choice must be an object with `value` and `label`.');
      ok = false;
      return;
    }
    const keysOk = checkKeys(option, ['value', 'label'], optionPath, report, 'a choice');
    const value = readText(option, 'value', optionPath, report, { max: TEXT_LIMITS.name, required: true });
    const label = readText(option, 'label', optionPath, report, { max: TEXT_LIMITS.label, required: true });
    if (value && seen.has(value)) {
      report.error(childPath(optionPath, 'value'), `duplicate choice value \`${value}\`.`);
      ok = false;
    }
    if (value) seen.add(value);
    if (!keysOk || !value || !label) ok = false;
    else clean.push({ value, label });
  });
  return ok ? clean : null;
}

const VARIANT_FIELDS: Readonly<Record<ActionType, readonly (keyof ContentVariant)[]>> = {
  help: ['title', 'body', 'links', 'because'],
  ask: ['question', 'options', 'because'],
  handoff: ['title', 'body', 'label', 'because'],
  callback: ['title', 'body', 'because'],
};

function readVariant(object: unknown, type: ActionType, path: string, report: IssueReport, defaultValues: readonly string[] | undefined): ContentVariant | null {
  if (!isObject(object)) {
    report.error(path, 'a locale variant must be an object of texts.');
    return null;
  }
  const fields = VARIANT_FIELDS[type];
  let ok = checkKeys(object, fields, path, report, `a \`${type}\` locale variant`);
  const clean: ContentVariant = {};
  for (const key of ['title', 'body', 'question', 'label', 'because'] as const) {
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
        report.error(childPath(path, 'options'), 'a translation must keep the same choice values in the same order; translate only the labels.');
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
    report.error(path, '`show` must be an object such as `{ "type": "help", "title": "…", "body": "…" }`.');
    return null;
  }
  const type = own(value, 'type');
  if (typeof type !== 'string' || !ACTION_TYPES.includes(type as ActionType)) {
    const hint = typeof type === 'string' ? suggest(type, ACTION_TYPES) : '';
    report.error(childPath(path, 'type'), `\`type\` must be one of ${ACTION_TYPES.map((t) => `\`${t}\``).join(', ')}.${hint}`);
    return null;
  }
  const actionType = type as ActionType;
  const common = ['type', 'dismissible', 'locales'];
  const specific: Readonly<Record<ActionType, readonly string[]>> = {
    help: ['title', 'body', 'links'],
    ask: ['field', 'question', 'options'],
    handoff: ['title', 'body', 'channel', 'href', 'label'],
    callback: ['name', 'title', 'body'],
  };
  let ok = checkKeys(value, [...common, ...specific[actionType]], path, report, `a \`${actionType}\` action`);
  const clean: Record<string, unknown> = { type: actionType };

  const dismissible = own(value, 'dismissible');
  if (dismissible !== undefined && dismissible !== true) {
    report.error(childPath(path, 'dismissible'), 'every intervention needs a way out: `dismissible` can only be `true` (the default).');
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
  }
  if (actionType === 'ask') {
    const field = own(value, 'field');
    if (field === undefined) {
      report.error(childPath(path, 'field'), 'an `ask` needs a `field`: the profile field its answer fills, such as `role`.');
      ok = false;
    } else if (typeof field !== 'string' || !NAME.test(field)) {
      report.error(childPath(path, 'field'), '`field` must be a name of letters, digits, `_`, `-` or `.` starting with a letter.');
      ok = false;
    } else clean.field = field;
    text('question', true);
    const options = readOptions(value, path, report);
    if (options === null) ok = false;
    else if (options) clean.options = options;
  }
  if (actionType === 'handoff') {
    const channel = own(value, 'channel');
    if (typeof channel !== 'string' || !CHANNELS.includes(channel as HandoffChannel)) {
      report.error(childPath(path, 'channel'), `\`channel\` must be one of ${CHANNELS.map((c) => `\`${c}\``).join(', ')}.`);
      ok = false;
    } else clean.channel = channel;
    const href = own(value, 'href');
    if (href !== undefined) {
      if (!isSafeHref(href)) {
        report.error(childPath(path, 'href'), 'unsafe link: use https:, http:, mailto:, tel: or a relative path.');
        ok = false;
      } else clean.href = href;
    } else if (channel === 'email' || channel === 'phone' || channel === 'link') {
      report.error(childPath(path, 'href'), `a \`${String(channel)}\` handoff needs an \`href\` to reach a human.`);
      ok = false;
    }
    text('label', false);
  }
  if (actionType === 'callback') {
    const name = own(value, 'name');
    if (typeof name !== 'string' || !NAME.test(name)) {
      report.error(childPath(path, 'name'), '`name` must name the app callback: letters, digits, `_`, `-` or `.`, starting with a letter.');
      ok = false;
    } else clean.name = name;
    text('title', false);
    text('body', false);
  }

  const locales = own(value, 'locales');
  if (locales !== undefined) {
    const at = childPath(path, 'locales');
    if (!isObject(locales)) {
      report.error(at, '`locales` must map locale tags such as `de` or `fr-CA` to translated texts.');
      ok = false;
    } else {
      const variants: Record<string, ContentVariant> = {};
      const defaultValues = Array.isArray(clean.options) ? (clean.options as AskOption[]).map((o) => o.value) : undefined;
      for (const tag of Object.keys(locales)) {
        if (tag === '$comment') continue;
        const tagPath = childPath(at, tag);
        if (!LOCALE_TAG.test(tag)) {
          report.error(tagPath, `\`${tag.slice(0, 40)}\` is not a locale tag such as \`de\` or \`pt-BR\`.`);
          ok = false;
          continue;
        }
        const variant = readVariant(locales[tag], actionType, tagPath, report, defaultValues);
        if (variant === null) ok = false;
        else variants[tag] = variant;
      }
      clean.locales = variants;
    }
  }
  return ok ? (clean as unknown as Action) : null;
}
