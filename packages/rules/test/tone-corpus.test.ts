import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTonePhrases } from '../src/find-tone-phrases';
import { TONE_PATTERNS, type ToneCategory } from '../src/tone-patterns';

// The labelled sentences `attune lint`'s tone guardrails are measured on: at least 200 that
// must raise a category and 200 that must raise none, in each language the widget speaks.
interface Sentence {
  text: string;
  question: boolean;
  labels: ToneCategory[];
  line: number;
}

const folder = new URL('./tone-corpus/', import.meta.url);
const CATEGORIES = Object.keys(TONE_PATTERNS) as ToneCategory[];

function readCorpus(file: string): Sentence[] {
  return readFileSync(new URL(file, folder), 'utf8')
    .split('\n')
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter(({ raw }) => raw && !raw.startsWith('#'))
    .map(({ raw, line }) => {
      const question = raw.startsWith('? ');
      const [labels, ...rest] = (question ? raw.slice(2) : raw).split(' | ');
      const text = rest.join(' | ');
      const names = labels === '-' ? [] : labels.split(',');
      for (const name of names)
        if (!CATEGORIES.includes(name as ToneCategory)) throw new Error(`${file}:${line}: unknown category ${name}`);
      return { text, question, labels: names as ToneCategory[], line };
    });
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function measure(sentences: Sentence[]) {
  const tally = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<ToneCategory, Tally>;
  const misses: string[] = [];
  for (const s of sentences) {
    const found = new Set(findTonePhrases(s.text, { question: s.question }).map((p) => p.category));
    for (const c of CATEGORIES) {
      const want = s.labels.includes(c);
      const got = found.has(c);
      if (want && got) tally[c].tp++;
      else if (got) tally[c].fp++, misses.push(`line ${s.line}: false ${c}: ${s.text}`);
      else if (want) tally[c].fn++, misses.push(`line ${s.line}: missed ${c}: ${s.text}`);
    }
  }
  return { tally, misses };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const languages = readdirSync(folder)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4));

describe('tone guardrails on the labelled corpus', () => {
  it('has a corpus for each of the five widget languages', () => {
    expect(languages.sort()).toEqual(['ar', 'de', 'en', 'es', 'fr']);
  });

  for (const lang of languages) {
    it(`${lang}: at least 200 positive and 200 negative sentences, precision ≥ 0.95 and recall ≥ 0.9 per category`, () => {
      const sentences = readCorpus(`${lang}.txt`);
      const positive = sentences.filter((s) => s.labels.length > 0).length;
      expect(positive).toBeGreaterThanOrEqual(200);
      expect(sentences.length - positive).toBeGreaterThanOrEqual(200);
      const { tally, misses } = measure(sentences);
      const rows = CATEGORIES.map((c) => {
        const { tp, fp, fn } = tally[c];
        return { category: c, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), tp, fp, fn };
      });
      // Printed so a reviewer sees the figures, not only a green tick.
      console.log(
        `tone corpus ${lang}: ${positive} positive, ${sentences.length - positive} negative\n` +
          rows
            .map(
              (r) =>
                `  ${r.category.padEnd(18)} precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`,
            )
            .join('\n') +
          (misses.length ? `\n  ${misses.join('\n  ')}` : ''),
      );
      for (const r of rows) {
        expect(r.precision, `${lang} ${r.category} precision`).toBeGreaterThanOrEqual(0.95);
        expect(r.recall, `${lang} ${r.category} recall`).toBeGreaterThanOrEqual(0.9);
      }
    }, 60_000);
  }
});
