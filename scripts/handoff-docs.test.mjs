// Keeps docs/handoff.md true to the code: every rules file and knowledge file on it validates
// with no error and no warning, every channel has its recipe, and the next-action and article
// score tables equal the ones the code reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_POINTS,
  HANDOFF_CHANNELS,
  NEXT_ACTION_TABLE,
  lintRules,
  validateKnowledge,
  validateRules,
} from '../packages/rules/src/index.ts';

const md = readFileSync(new URL('../docs/handoff.md', import.meta.url), 'utf8');
const blocks = [...md.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]));
const rulesFiles = blocks.filter((b) => 'rules' in b);
const knowledgeFiles = blocks.filter((b) => 'articles' in b);
const section = (heading) => {
  const start = md.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const end = md.indexOf('\n## ', start + heading.length + 2);
  return md.slice(start, end < 0 ? undefined : end);
};
const rows = (text) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    .slice(1)
    .map((line) => line.slice(2, -2).split(' | '));

describe('docs/handoff.md', () => {
  it.each(rulesFiles.map((file, i) => [i + 1, file]))(
    'rules file %i validates with no error, no warning and no tone finding',
    (_, file) => {
      const result = validateRules(file);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.rules.rules).toHaveLength(file.rules.length);
      expect(lintRules(result.rules, { strict: true })).toEqual([]);
    },
  );

  it('has a recipe for every channel a marketer can name (older names aside)', () => {
    const used = new Set(rulesFiles.flatMap((f) => f.rules.map((r) => r.show.channel ?? r.show.handoff?.channel)).filter(Boolean));
    expect([...HANDOFF_CHANNELS].filter((c) => !['link', 'email', 'chat'].includes(c) && !used.has(c))).toEqual([]);
  });

  it('shows a knowledge file that validates with no error and no warning', () => {
    expect(knowledgeFiles).toHaveLength(1);
    const result = validateKnowledge(knowledgeFiles[0]);
    expect([result.ok, result.errors, result.warnings]).toEqual([true, [], []]);
  });

  it('lists exactly the recommended-next-action table the code reads, in order', () => {
    const documented = rows(section('## The recommended next action'));
    expect(documented).toEqual(
      NEXT_ACTION_TABLE.map((r) => [
        `\`${r.signal}\``,
        r.target
          ? r.target
              .split('|')
              .map((t) => `\`${t}\``)
              .join(', ')
          : 'any',
        String(r.minCount ?? 1),
        r.next,
      ]),
    );
  });

  it('gives exactly the article points the code adds', () => {
    const documented = Object.fromEntries(
      rows(section('## How an article is chosen')).map(([match, points]) => [match.match(/^`(\w+)`/)[1], Number(points)]),
    );
    expect(documented).toEqual({ ...ARTICLE_POINTS });
  });
});
