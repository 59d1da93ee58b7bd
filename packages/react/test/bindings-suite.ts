// One test body for every React major @attune/react supports. Each `react*.test.ts` file routes
// `react` and `react-dom` to one version, so this file and the bindings under test share it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Component, StrictMode, createElement as h, useEffect, useState, version, type ReactNode } from 'react';
import { version as domVersion } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { AttuneProvider, AttuneSlot, useAttune, useDecision, type ActiveHelp, type AttuneConfig } from '../src/index';
import { created, live } from './counted-attune';

const config = (consent: AttuneConfig['consent'] = 'granted'): AttuneConfig => ({
  headless: true,
  consent,
  rules: {
    version: 1,
    rules: [
      {
        id: 'welcome-tip',
        // Help only with consent for it, so a consent call that never reached Attune shows nothing.
        when: { all: [{ page: '*' }, { fact: 'consent.help', eq: 'granted' }] },
        show: { type: 'help', title: 'Need a hand with your rota?', body: 'Ask us anything, we answer within a day.' },
        because: 'You opened this page.',
      },
    ],
  } as AttuneConfig['rules'],
});

/** The app's own help card: Attune renders none in headless mode. */
const HelpCard = ({ help, onClose }: { help: ActiveHelp; onClose(): void }) =>
  h('aside', { className: 'app-card', 'aria-label': 'Help' }, [
    h('h2', { key: 'title' }, help.decision.action.type === 'help' ? help.decision.action.title : ''),
    h('button', { key: 'close', type: 'button', onClick: onClose }, 'Close'),
  ]);

const Slot = () => h(AttuneSlot, { children: (help, { dismiss }) => h(HelpCard, { help, onClose: () => dismiss() }) });

/** Shows what `useDecision()` returns. */
const DecisionName = () => {
  const help = useDecision();
  return h('output', null, help ? help.decision.ruleId : 'none');
};

let root: Root | null = null;
let container: HTMLElement;

const render = async (node: ReactNode) => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  root.render(node);
};

const unmount = async () => {
  root?.unmount();
  root = null;
  // The provider stops Attune one task after unmount (so StrictMode's remount can keep it).
  await new Promise((resolve) => setTimeout(resolve, 20));
};

/** Waits until `check` passes: React renders on its own schedule, as in a browser. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 6000, interval: 20 });

const card = () => container.querySelector('aside.app-card');

export const bindingsSuite = (major: '18' | '19') =>
  describe(`@attune/react on React ${major}`, () => {
    afterEach(async () => {
      await unmount();
      container?.remove();
      for (const attune of live) attune.destroy();
      created.length = 0;
    });

    it(`runs on React ${major}`, () => {
      expect(version.split('.')[0]).toBe(major);
      expect(domVersion.split('.')[0]).toBe(major);
    });

    it("renders the decided help headless, with the app's own component, and useDecision follows it", async () => {
      await render(h(AttuneProvider, { config: config() }, h(Slot), h(DecisionName)));
      expect(card()).toBeNull();
      await until(() => expect(card()?.querySelector('h2')?.textContent).toBe('Need a hand with your rota?'));
      expect(container.querySelector('output')?.textContent).toBe('welcome-tip');
      // Headless: Attune mounts no UI of its own (its widget would need a moment to load).
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(document.querySelector('[data-attune-ui]')).toBeNull();
      expect(card()).not.toBeNull();
    });

    it("dismissing from the app's card closes the help everywhere", async () => {
      await render(h(AttuneProvider, { config: config() }, h(Slot), h(DecisionName)));
      await until(() => expect(card()).not.toBeNull());
      card()!.querySelector('button')!.click();
      await until(() => expect(card()).toBeNull());
      expect(container.querySelector('output')?.textContent).toBe('none');
    });

    it('useAttune() returns the running instance, and throws a clear error outside a provider', async () => {
      let seen: unknown = null;
      const Probe = () => {
        const attune = useAttune();
        useEffect(() => {
          seen = attune;
        });
        return null;
      };
      await render(h(AttuneProvider, { config: config() }, h(Probe)));
      await until(() => expect(created).toHaveLength(1));
      expect(typeof (seen as { setConsent?: unknown })?.setConsent).toBe('function');
      await unmount();

      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      const outside = document.createElement('div');
      const bare = createRoot(outside);
      const thrown: unknown[] = [];
      const Boundary = class extends Component<{ children?: ReactNode }, { failed: boolean }> {
        override state = { failed: false };
        static getDerivedStateFromError = () => ({ failed: true });
        override componentDidCatch(error: unknown) {
          thrown.push(error);
        }
        override render() {
          return this.state.failed ? null : this.props.children;
        }
      };
      bare.render(h(Boundary, null, h(Probe)));
      await until(() => expect(thrown).toHaveLength(1));
      errors.mockRestore();
      bare.unmount();
      expect(String(thrown[0])).toContain('useAttune() needs an <AttuneProvider> above it');
    });

    it('an instance passed to the provider is used as is and not destroyed on unmount', async () => {
      const { createAttune } = await import('./counted-attune');
      const shared = createAttune(config());
      await render(h(AttuneProvider, { config: config('denied'), instance: shared }, h(Slot)));
      await until(() => expect(card()).not.toBeNull());
      await unmount();
      expect(created).toEqual([shared]);
      expect(live.has(shared)).toBe(true);
    });

    it('unmounting the provider destroys its Attune instance', async () => {
      await render(h(AttuneProvider, { config: config() }, h(Slot)));
      await until(() => expect(card()).not.toBeNull());
      expect(live.size).toBe(1);
      await unmount();
      expect(created).toHaveLength(1);
      expect(live.size).toBe(0);
    });

    it('StrictMode double render and double effects start Attune once, and calls made while rendering reach it', async () => {
      // Like the example app's consent banner: consent restored from a saved choice while rendering.
      const Consent = ({ children }: { children?: ReactNode }) => {
        const attune = useAttune();
        useState(() => attune.setConsent({ measurement: true, help: true }));
        return h('div', null, children);
      };
      await render(h(StrictMode, null, h(AttuneProvider, { config: config('pending') }, h(Consent, null, h(Slot), h(DecisionName)))));
      // The rule needs consent for help: it shows only because the call made before Attune started was replayed.
      await until(() => expect(card()).not.toBeNull());
      expect(created).toHaveLength(1);
      expect(live.size).toBe(1);
      card()!.querySelector('button')!.click();
      await until(() => expect(container.querySelector('output')?.textContent).toBe('none'));
      await unmount();
      expect(live.size).toBe(0);
    });
  });
