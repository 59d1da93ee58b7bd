// The real-page corpus with Attune's script tag: every session of e2e/real/<page>/sessions.mjs
// played with real mouse and keyboard input, once with Attune (sending to a real local collector,
// with the starter rules of `attune init`) and once with no SDK. The expectations live in the
// session files, which `pnpm bench:detection` reads too.
import { test as base, expect } from '@playwright/test';
import { createMemoryStore, startCollector } from '../../packages/collector/dist/index.js';
import { CORPUS } from './corpus.mjs';
import { startCorpusServer } from './corpus-server.mjs';
import { CORE_SIGNALS, attuneProduct, noProduct, playSession, starterRules } from './play.mjs';

type Events = () => Promise<Record<string, unknown>[]>;
type Corpus = { server: Awaited<ReturnType<typeof startCorpusServer>>; collector: { url: string; events: Events } };

/** One corpus server and one collector per worker; the browser is Playwright's shared one. */
const test = base.extend<Record<never, never>, { corpus: Corpus }>({
  corpus: [
    async ({}, use) => {
      const attuneDist = process.env.ATTUNE_DIST ?? new URL('../../packages/attune/dist', import.meta.url).pathname;
      const server = await startCorpusServer({ attuneDist, rules: starterRules() });
      const store = createMemoryStore();
      const collector = await startCollector({ port: 0, store, allowedOrigins: [server.url], exposeEvents: true });
      await use({ server, collector: { url: collector.url, events: () => store.list({}) as Promise<Record<string, unknown>[]> } });
      await collector.close();
      await server.close();
    },
    { scope: 'worker' },
  ],
});

test.describe.configure({ mode: 'parallel' });

for (const page of CORPUS) {
  test(`${page.name} (${page.kind}): calm sessions give no friction signal and no help card, each struggle step its expected signal; the page shows the same with and without Attune, and raises no error`, async ({
    browser,
    corpus,
  }) => {
    test.setTimeout(180_000);
    const { server, collector } = corpus;
    // Every session of the page at once, each with and without Attune, in fresh contexts of the
    // shared browser: the sessions mostly wait (dead-click windows, typing), so they overlap well.
    const played = await Promise.all(
      page.sessions.map(async (session, i) => {
        const [without, withAttune] = await Promise.all([
          playSession({ browser, server, product: noProduct(), page, session, quick: true }),
          playSession({ browser, server, product: attuneProduct({ collector, site: `${page.name}-${i}` }), page, session, allowOrigins: [collector.url] }),
        ]);
        return { session, without, withAttune };
      }),
    );
    for (const { session, without, withAttune } of played) {
      const where = `${session.mood} session "${session.name}"`;
      expect(without.failed, `${where} plays without an SDK`).toBeUndefined();
      expect(withAttune.failed, `${where} plays with Attune`).toBeUndefined();
      expect.soft(withAttune.errors.filter((e) => !without.errors.includes(e)), `${where}: page errors with Attune only`).toEqual([]);
      expect
        .soft(
          withAttune.steps.map((s) => `${s.name}: ${s.probe}`),
          `${where}: what the page shows after each step, with Attune`,
        )
        .toEqual(without.steps.map((s) => `${s.name}: ${s.probe}`));
      if (session.mood === 'calm') {
        const friction = withAttune.steps.flatMap((s) => s.signals.filter((x) => CORE_SIGNALS.includes(x.signal)).map((x) => `${s.name}: ${x.signal} on ${x.target}`));
        expect.soft(friction, `${where}: friction signals`).toEqual([]);
        expect.soft(withAttune.steps.reduce((n, s) => n + s.cards, 0), `${where}: help cards shown with the starter rules`).toBe(0);
      } else {
        for (const step of withAttune.steps) {
          const seen = step.signals.map((x) => x.signal);
          for (const signal of step.expect) expect.soft(seen, `${where}: "${step.name}" gives ${signal}`).toContain(signal);
        }
      }
    }
  });
}
