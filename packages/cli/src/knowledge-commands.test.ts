import { describe, expect, it } from 'vitest';
import { createFakeIo } from '../test/fake-io';
import { runCli } from './run-cli';

const rules = JSON.stringify(
  {
    knowledge: 'help-articles.json',
    rules: [
      {
        id: 'signup-articles',
        when: { signal: 'form_error', target: '#signup-*', atLeast: 2, within: '2m' },
        show: { type: 'help', from: 'articles', tags: ['account'], title: 'Need a hand?', body: 'Our help centre can help.' },
      },
    ],
  },
  null,
  2,
);
const articles = {
  articles: [
    {
      id: 'passwords',
      title: 'Choosing a password',
      url: 'https://help.example/passwords',
      answer: 'At least 12 characters.',
      targets: ['#signup-password'],
      pages: ['/signup*'],
    },
    {
      id: 'emails',
      title: 'Which email to use',
      url: 'https://help.example/email',
      answer: 'Use your work address.',
      targets: ['#signup-email'],
      tags: ['account'],
      pages: ['/signup*'],
    },
    { id: 'pricing', title: 'Plans', url: 'https://help.example/plans', answer: 'Three plans.', pages: ['/pricing'] },
  ],
};
const session = (id: string, target: string, page = '/signup') =>
  JSON.stringify({
    id,
    start: 1767265200000,
    visitor: { id: `v-${id}`, returning: false, visits: 1, firstSeen: 1767265200000 },
    facts: { consent: { help: 'granted' } },
    events: [
      { t: 0, page },
      { t: 1000, signal: 'form_error', target, count: 1 },
      { t: 2000, signal: 'form_error', target, count: 1 },
    ],
  });

describe('attune validate and simulate with a knowledge file', () => {
  it('validate checks the knowledge file beside the rules file, with line and column per JSON path', async () => {
    const bad = JSON.stringify({ articles: [articles.articles[0], { ...articles.articles[1], url: 'javascript:alert(1)' }] }, null, 2);
    const io = createFakeIo({ 'site/rules.json': rules, 'site/help-articles.json': bad });
    expect(await runCli(['validate', 'site/rules.json'], io)).toBe(1);
    expect(io.out()).toMatch(/site\/help-articles\.json:\d+:\d+ {2}error {4}\$\.articles\[1\]\.url {2}unsafe or missing link/);
    expect(io.out()).toContain('site/help-articles.json: 1 error; 1 article would be used.');

    const good = createFakeIo({ 'site/rules.json': rules, 'site/help-articles.json': JSON.stringify(articles) });
    expect(await runCli(['validate', 'site/rules.json'], good)).toBe(0);
    expect(good.out()).toContain('site/help-articles.json: valid, 3 articles.');
    const missing = createFakeIo({ 'site/rules.json': rules });
    expect(await runCli(['validate', 'site/rules.json'], missing)).toBe(1);
    expect(missing.out()).toContain("site/help-articles.json: cannot be read (the rules file's `knowledge`).");
  });

  it('simulate shows which article each session would get, by the documented score', async () => {
    const io = createFakeIo({
      'rules.json': rules,
      'help-articles.json': JSON.stringify(articles),
      's.jsonl': `${session('a', '#signup-password')}\n${session('b', '#signup-email')}\n`,
    });
    expect(await runCli(['simulate', 'rules.json', 's.jsonl'], io)).toBe(0);
    const out = io.out();
    // Page 3 + target 5 for passwords; page 3 + target 5 + action tag 2 for emails.
    expect(out).toMatch(
      /session a[^\n]*\n[^\n]*SHOW {5}signup-articles[^\n]*\n[^\n]*why[^\n]*\n\s+article {2}passwords "Choosing a password" \(score 8\)\n/,
    );
    expect(out).toMatch(/session b[^\n]*\n[^\n]*SHOW[^\n]*\n[^\n]*why[^\n]*\n\s+article {2}emails "Which email to use" \(score 10\)\n/);
    const json = createFakeIo({
      'rules.json': rules,
      'help-articles.json': JSON.stringify(articles),
      's.jsonl': session('c', '#signup-name', '/welcome'),
    });
    await runCli(['simulate', 'rules.json', 's.jsonl', '--json'], json);
    // Off the articles' pages and targets, nothing scores above 0: the rule's own text shows.
    expect(JSON.parse(json.out().trim().split('\n')[0]!)).toMatchObject({ session: 'c', kind: 'show', article: null });
  });
});
