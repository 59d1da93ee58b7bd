/** Values an issue message is built from. */
export type IssueParams = Readonly<Record<string, string | number>>;

const near = (p: IssueParams): string => (p.near ? ` Did you mean \`${p.near}\`?` : '');
const list = (text: string | number | undefined): string =>
  String(text ?? '')
    .split(', ')
    .map((v) => `\`${v}\``)
    .join(', ');

/**
 * Every validation issue, by code, with the sentence a person reads. Codes are stable and
 * machine-readable; sentences may improve. Kept in one module so browser bundles that use
 * `compileRules` leave them out.
 *
 * @example ISSUE_MESSAGES.unknown_signal({ name: 'rage_clik', near: 'rage_click' }) // 'unknown signal `rage_clik`. Did you mean `rage_click`?'
 */
export const ISSUE_MESSAGES = {
  // Refused before reading.
  refused_size: (p: IssueParams) => `refused: the file is too large: more than ${p.max} values.`,
  refused_number: () => 'refused: numbers must be finite.',
  refused_string: (p: IssueParams) => `refused: a string is longer than ${p.max} characters.`,
  refused_value: () => 'refused: only JSON data (objects, arrays, strings, numbers, booleans, null) is accepted.',
  refused_depth: (p: IssueParams) => `refused: nesting is deeper than ${p.max} levels.`,
  refused_key: (p: IssueParams) => `refused: the key \`${p.key}\` is not allowed.`,
  refused_rules: (p: IssueParams) => `refused: ${p.count} rules; the limit is ${p.max}.`,
  refused_unreadable: () => 'refused: the rules could not be read as plain JSON data.',
  // The file.
  file_not_object: () => 'a rules file must be a JSON object with a `rules` list.',
  rules_missing: () => '`rules` is required: a list of rules.',
  rules_not_list: () => '`rules` must be a list of rules.',
  bad_version: (p: IssueParams) => `unsupported version ${p.value}: this Attune reads version 1.`,
  bad_enabled: () => '`enabled` is the kill switch: `true` or `false`.',
  defaults_not_object: () => '`defaults` must be an object.',
  intents_not_object: () => '`intents` must map intent names to `{ "when": … }`.',
  intent_not_object: () => 'an intent must be an object such as `{ "when": { "page": "/pricing*" } }`.',
  intent_without_when: () => 'an intent needs `when`: the conditions that mean the visitor has it.',
  duplicate_id: (p: IssueParams) => `duplicate id \`${p.id}\`: rule ids must be unique.`,
  rule_skipped: (p: IssueParams) => `rule ${p.id} was skipped: ${p.count} error${p.count === 1 ? '' : 's'}.`,
  // Any field.
  comment_not_string: () => '`$comment` must be a string.',
  unknown_field: (p: IssueParams) => `unknown field \`${p.key}\` in ${p.where}.${near(p)}`,
  required: (p: IssueParams) => `\`${p.key}\` is required.`,
  not_string: (p: IssueParams) => `\`${p.key}\` must be a string.`,
  not_boolean: (p: IssueParams) => `\`${p.key}\` must be true or false.`,
  empty_text: (p: IssueParams) => `\`${p.key}\` must not be empty.`,
  text_too_long: (p: IssueParams) => `\`${p.key}\` is ${p.length} characters long; the limit is ${p.max}.`,
  not_whole_number: (p: IssueParams) => `\`${p.key}\` must be a whole number from ${p.min} to ${p.max}.`,
  not_one_of: (p: IssueParams) => `\`${p.key}\` must be one of ${list(p.values)}.${near(p)}`,
  bad_name: (p: IssueParams) => `a ${p.key} name uses letters, digits, \`_\`, \`-\` or \`.\`, starting with a letter.`,
  bad_duration: (p: IssueParams) => `\`${p.key}\` must be a duration such as "30s", "5m", "2h" or "1d".`,
  impossible_duration: (p: IssueParams) => `impossible \`${p.key}\` of ${p.value}: use from ${p.min} to ${p.max}.`,
  // Rules.
  rule_not_object: () => 'a rule must be an object with `id`, `when` and `show`.',
  bad_id: () => '`id` is required: up to 64 letters, digits, `_`, `-`, `.` or `:`, such as `pricing-help`.',
  bad_priority: () => '`priority` must be a number; higher wins.',
  rule_without_when: () => '`when` is required: the conditions under which the rule fires.',
  rule_without_show: () => '`show` is required: the help, question, handoff or callback the rule offers.',
  bad_holdout: () => '`holdout` is the fraction of visitors kept as a control group: a number from 0 to 0.5, such as 0.1.',
  unknown_group: (p: IssueParams) => `unknown group \`${p.name}\`: declare it under \`defaults.groups\`.${near(p)}`,
  // Guardrails.
  caps_not_object: () => '`caps` must be an object such as `{ "perSession": 1, "perWeek": 3 }`.',
  cap_zero: () => 'a cap of 0 means never shown; use `"status": "off"` to turn a rule off.',
  bad_quiet_pages: () => '`quietPages` must be a list of at most 50 path globs such as `/checkout*`.',
  quiet_page_dropped: (p: IssueParams) => `\`${p.page}\` is no longer quiet: \`quietPages\` replaces the built-in list (${p.defaults}).`,
  questions_not_object: () => '`questions` must be an object such as `{ "perSession": 1, "afterSkip": "7d" }`.',
  groups_not_object: () => '`groups` must map group names to caps.',
  // Conditions.
  condition_not_object: () => 'a condition must be an object such as `{ "signal": "rage_click" }`.',
  condition_kind_missing: (p: IssueParams) =>
    `a condition needs one of \`signal\`, \`page\`, \`views\`, \`fact\`, \`intent\`, \`all\`, \`any\`, \`none\`, \`not\`.${near(p)}`,
  condition_kinds_mixed: (p: IssueParams) => `a condition takes one of ${list(p.kinds)}, not several; wrap them in \`all\` or \`any\`.`,
  empty_list: (p: IssueParams) => `\`${p.key}\` needs a non-empty list of conditions.`,
  too_many_conditions: (p: IssueParams) => `\`${p.key}\` holds ${p.count} conditions; the limit is ${p.max}.`,
  unknown_signal: (p: IssueParams) => `unknown signal \`${p.name}\`.${p.near ? near(p) : ` Known signals: ${p.known}.`}`,
  bad_target: () => '`target` must be a label or glob such as `pricing*`, at most 200 characters.',
  bad_page: () => '`page` must be a path glob such as `/pricing*`.',
  page_not_path: (p: IssueParams) =>
    `\`${p.key ?? 'page'}\` is matched against the path, which starts with \`/\`; did you mean \`${p.near}\`?`,
  history_subject: () => 'a help-history condition names exactly one `rule` (a rule id) or one `group`, with `was`.',
  unknown_history_outcome: (p: IssueParams) => `\`was\` must be one of ${list(p.known)}; got \`${p.name}\`.${near(p)}`,
  bad_views: () => '`views` must be a path glob such as `/pricing*`: the pages whose views are counted.',
  bad_intent: () => '`intent` must be the name of an intent defined in `intents`.',
  intent_in_intent: () => 'an intent cannot refer to another intent; repeat its conditions instead.',
  intent_invalid: (p: IssueParams) => `intent \`${p.name}\` is invalid (see its errors), so this condition cannot run.`,
  unknown_intent: (p: IssueParams) => `unknown intent \`${p.name}\`: define it under \`intents\`.${near(p)}`,
  bad_fact: () => '`fact` must be a fact name such as `visitor.visits`.',
  unknown_fact: (p: IssueParams) => `unknown fact \`${p.name}\`.${near(p)}`,
  operator_missing: (p: IssueParams) => `a fact condition needs one operator: ${list(p.allowed)}.`,
  operators_mixed: (p: IssueParams) => `a fact condition takes exactly one operator; found ${list(p.found)}.`,
  operator_not_for_fact: (p: IssueParams) => `\`${p.op}\` does not apply to \`${p.fact}\`; use ${list(p.allowed)}.`,
  fact_wants_duration: (p: IssueParams) => `\`${p.fact}\` is a duration: write it like "30s", "5m" or "2h".`,
  fact_wants_number: (p: IssueParams) => `\`${p.fact}\` is a number; ${p.value} is not.`,
  fact_wants_boolean: (p: IssueParams) => `\`${p.fact}\` is true or false; ${p.value} is not.`,
  fact_wants_string: (p: IssueParams) => `compare \`${p.fact}\` with a string of at most 500 characters.`,
  fact_value_unknown: (p: IssueParams) => `\`${p.fact}\` is never \`${p.value}\`; it is one of ${list(p.values)}.${near(p)}`,
  bad_value_list: (p: IssueParams) => `\`${p.key}\` needs a list of 1 to 100 values.`,
  bad_between: () => '`between` needs two values: `[low, high]`.',
  impossible_range: (p: IssueParams) => `impossible range: ${p.low} is above ${p.high}.`,
  bad_pattern_operand: (p: IssueParams) => `\`${p.key}\` needs a string of at most 500 characters.`,
  bad_contains: () => '`contains` needs a string, number or boolean.',
  regex_empty: () => 'bad regex: the pattern is empty.',
  regex_too_long: () => 'bad regex: the pattern is longer than 200 characters.',
  regex_backreference: () => 'bad regex: backreferences are not allowed.',
  regex_lookaround: () => 'bad regex: lookahead and lookbehind are not allowed, since they cannot be matched in linear time.',
  regex_unsupported: () =>
    'bad regex: only literals, `.`, classes such as `[a-z]` or `\\d`, groups, `|`, `* + ?`, `{n,m}`, `^ $ \\b` and escapes such as `\\.` or `\\{` are supported.',
  regex_too_complex: () =>
    'bad regex: the pattern needs more than 400 matcher states or a count over 1000; repeat less (`{n,m}` counts in full).',
  regex_unavailable: () => 'bad regex: the regex matcher was not loaded; pass `compileBoundedRegex` to `compileRules`.',
  regex_invalid: () => 'bad regex: the pattern is not a valid regular expression.',
  // Actions.
  action_not_object: () => '`show` must be an object such as `{ "type": "help", "title": "…", "body": "…" }`.',
  unknown_action: (p: IssueParams) => `\`type\` must be one of ${list(p.types)}.${near(p)}`,
  not_dismissible: () => 'every intervention needs a way out: `dismissible` can only be `true` (the default).',
  ask_without_field: () => 'an `ask` needs a `field`: the profile field its answer fills, such as `role`.',
  handoff_without_href: (p: IssueParams) => `a \`${p.channel}\` handoff needs an \`href\` to reach a human.`,
  bad_links: () => '`links` must be a list of at most 5 links.',
  link_not_object: () => 'a link must be an object with `label` and `href`.',
  unsafe_href: () => 'unsafe or missing link: use https:, http:, mailto:, tel: or a relative path such as `/faq`.',
  bad_options: () => '`options` must be a list of 2 to 8 choices.',
  option_not_object: () => 'a choice must be an object with `value` and `label`.',
  duplicate_option: (p: IssueParams) => `duplicate choice value \`${p.value}\`.`,
  locales_not_object: () => '`locales` must map locale tags such as `de` or `fr-CA` to translated texts.',
  bad_locale_tag: (p: IssueParams) => `\`${p.tag}\` is not a locale tag such as \`de\` or \`pt-BR\`.`,
  variant_not_object: () => 'a locale variant must be an object of texts.',
  variant_options_changed: () => 'a translation must keep the same choice values in the same order; translate only the labels.',
  // Handoff routes and help articles.
  handoff_without_fallback: (p: IssueParams) =>
    `a \`${p.channel}\` handoff has no \`fallback\`: when ${p.channel === 'callback' || p.channel === 'chat' ? 'no handoff callback is registered' : 'the chat widget is missing from the page'}, the visitor would get nothing. Add \`"fallback": { "href": "mailto:help@example.com" }\`.`,
  bad_fallback: () => '`fallback` must be an object with an `href` (a link or an email address) and an optional `label`.',
  mailto_href: () => 'a `mailto` handoff needs an `href` starting with `mailto:`.',
  target_not_for_channel: () => '`target` applies only to `url` and `link` handoffs.',
  bad_handoff_route: () =>
    '`handoff` must be `true`, `false` or a route such as `{ "channel": "intercom", "fallback": { "href": "mailto:help@example.com" } }`.',
  bad_from: () => '`from` can only be `"articles"`: the best-matching article of the `knowledge` file.',
  bad_tags: (p: IssueParams) => `\`${p.key}\` must be a list of at most ${p.max} names (letters, digits, \`_\`, \`-\`, \`.\`).`,
  articles_without_knowledge: () =>
    'this help takes its text `from` articles, but the file names no `knowledge` file: its own `title` and `body` will always show.',
  bad_knowledge: () => '`knowledge` must be a relative path such as `help-articles.json` or an https: URL.',
  knowledge_not_object: () => 'a knowledge file must be a JSON object with an `articles` list.',
  articles_not_list: (p: IssueParams) => `\`articles\` must be a list of 1 to ${p.max} articles.`,
  article_not_object: () => 'an article must be an object with `id`, `title`, `url` and `answer`.',
  duplicate_article: (p: IssueParams) => `duplicate article id \`${p.id}\`: article ids must be unique.`,
  bad_globs: (p: IssueParams) => `\`${p.key}\` must be a list of at most ${p.max} non-empty patterns of at most 200 characters.`,
  article_unreachable: () => 'this article has no `pages`, `targets` or `tags`, so it can only score 0 and will never be shown.',
  // Content a visitor would not see as written (warnings).
  links_not_shown: (p: IssueParams) =>
    `${p.count} links, but a card shows only the first ${p.shown}: the others never appear. Keep the ${p.shown} that help most.`,
  variant_missing_text: (p: IssueParams) =>
    `the \`${p.tag}\` translation has no \`${p.key}\`, so visitors reading \`${p.tag}\` see that text untranslated. Translate it too.`,
} as const;

/** Every validation issue code. */
export type IssueCode = keyof typeof ISSUE_MESSAGES;

/**
 * The sentence for an issue code and its parameters.
 *
 * @example formatIssueMessage('duplicate_id', { id: 'pricing-help' }) // 'duplicate id `pricing-help`: rule ids must be unique.'
 */
export function formatIssueMessage(code: IssueCode, params: IssueParams): string {
  return ISSUE_MESSAGES[code](params);
}
