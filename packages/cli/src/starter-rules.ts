import { RULES_SCHEMA_URL } from '@attune/rules';

/**
 * The rules file `attune init` writes: a `$schema` for editor autocompletion and three
 * commented examples (a live help card, a shadow rule to measure before going live, and a
 * question left `off` until the copy is ready). JSON has no comments, so `$comment` fields
 * carry them; the validator ignores those.
 *
 * @example await io.writeFile('attune-rules.json', starterRules(), { overwrite: false });
 */
export function starterRules(): string {
  const file = {
    $schema: RULES_SCHEMA_URL,
    $comment:
      'Attune rules. Run `attune validate` after each edit and `attune lint` before going live. Every rule is shown at most once per session; quiet pages (checkout, payment, login) never show anything.',
    version: 1,
    enabled: true,
    defaults: {
      $comment: 'Global guardrails. These are the built-in values; lower them, never raise them without data.',
      caps: { perSession: 2, perDay: 3, perWeek: 6 },
      minGap: '60s',
      cooldown: '7d',
    },
    rules: [
      {
        id: 'pricing-help',
        $comment: 'Live: a help card after a rage click on anything labelled data-attune="pricing…".',
        status: 'live',
        priority: 10,
        when: { all: [{ signal: 'rage_click', target: 'pricing*', atLeast: 1, within: '60s' }] },
        show: {
          type: 'help',
          title: 'Comparing plans?',
          body: 'Every plan includes unlimited projects. Pro adds single sign-on and priority support.',
          links: [{ label: 'Plan FAQ', href: '/faq' }],
        },
        because: 'You clicked the pricing table several times in a row.',
      },
      {
        id: 'signup-errors',
        $comment:
          'Shadow: decides and records "would have shown", renders nothing. Run `attune simulate` or watch the shadow events, then set status to live.',
        status: 'shadow',
        when: { signal: 'form_error', target: '#signup-*', atLeast: 3, within: '2m' },
        show: {
          type: 'handoff',
          title: 'Stuck on the form?',
          body: 'A person from our team can set up your account with you.',
          channel: 'chat',
          label: 'Chat with us',
          // Without a chat on the page (no handoff callback registered), the visitor gets this instead of a dead button.
          fallback: { href: 'mailto:help@example.com' },
        },
      },
      {
        id: 'ask-role',
        $comment:
          'Off: one profiling question for returning visitors. Never asked when the answer is known, at most one question per session.',
        status: 'off',
        when: {
          all: [
            { fact: 'visitor.returning', eq: true },
            { fact: 'consent.profiling', eq: 'granted' },
          ],
        },
        show: {
          type: 'ask',
          field: 'role',
          question: 'What best describes your role?',
          options: [
            { value: 'developer', label: 'Developer' },
            { value: 'marketer', label: 'Marketer' },
            { value: 'other', label: 'Something else' },
          ],
        },
      },
    ],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
