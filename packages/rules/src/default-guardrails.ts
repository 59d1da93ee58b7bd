/**
 * Built-in guardrails used wherever a rules file's `defaults` are silent.
 *
 * @example DEFAULT_GUARDRAILS.quietPages // ['*\/checkout*', '*\/payment*', '*\/login*', ...]
 */
export const DEFAULT_GUARDRAILS = {
  caps: { perSession: 2, perDay: 3, perWeek: 6 },
  minGap: '60s',
  cooldown: '7d',
  snooze: '1d',
  quietPages: ['*/checkout*', '*/payment*', '*/login*', '*/signin*', '*/sign-in*'],
  questions: { perSession: 1, afterSkip: '7d' },
  /** A rule shows at most once per session unless its own `caps.perSession` says otherwise. */
  rulePerSession: 1,
} as const;
