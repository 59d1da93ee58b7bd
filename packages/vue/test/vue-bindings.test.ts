// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, ref, version, type App } from 'vue';
import { createAttunePlugin, useAttune, useDecision, type Attune, type AttuneConfig } from '../src/index';
import { createAttune as createRealAttune } from '../../attune/src/index';

// The real `attune` package, from source, counting the runtimes started and not yet destroyed.
const live = vi.hoisted(() => new Set<unknown>());
vi.mock('attune', async () => {
  const real = await import('../../attune/src/index');
  return {
    ...real,
    createAttune: (config: AttuneConfig) => {
      const attune = real.createAttune(config);
      live.add(attune);
      const destroy = attune.destroy;
      attune.destroy = () => {
        live.delete(attune);
        destroy();
      };
      return attune;
    },
  };
});

const config = (): AttuneConfig => ({
  headless: true,
  consent: 'granted',
  rules: {
    version: 1,
    rules: [
      {
        id: 'welcome-tip',
        when: { all: [{ page: '*' }, { fact: 'consent.help', eq: 'granted' }] },
        show: { type: 'help', title: 'Need a hand with your bookings?', body: 'Ask us anything, we answer within a day.' },
        because: 'You opened this page.',
      },
    ],
  } as AttuneConfig['rules'],
});

/** The app's own help card: Attune renders none in headless mode. */
const HelpCard = defineComponent(() => {
  const attune = useAttune();
  const help = useDecision();
  return () =>
    help.value &&
    h('aside', { class: 'app-card' }, [
      h('h2', help.value.decision.action.type === 'help' ? help.value.decision.action.title : ''),
      h('button', { type: 'button', onClick: () => attune.dismiss() }, 'Close'),
    ]);
});

let app: App | null = null;
let container: HTMLElement;

const mount = (root: Parameters<typeof createApp>[0], plugin = createAttunePlugin(config())) => {
  container = document.createElement('div');
  document.body.append(container);
  app = createApp(root);
  app.use(plugin);
  app.mount(container);
  return app;
};

const until = (check: () => void) => vi.waitFor(check, { timeout: 6000, interval: 20 });
const card = () => container.querySelector('aside.app-card');

describe(`@attune/vue on Vue ${version}`, () => {
  afterEach(() => {
    app?.unmount();
    app = null;
    container?.remove();
    for (const attune of live) (attune as Attune).destroy();
  });

  it("renders the decided help headless, with the app's own component", async () => {
    mount(HelpCard);
    expect(card()).toBeNull();
    await until(() => expect(card()?.querySelector('h2')?.textContent).toBe('Need a hand with your bookings?'));
    // Headless: Attune mounts no UI of its own (its widget would need a moment to load).
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(document.querySelector('[data-attune-ui]')).toBeNull();
    expect(card()).not.toBeNull();
  });

  it("dismissing from the app's card closes the help", async () => {
    mount(HelpCard);
    await until(() => expect(card()).not.toBeNull());
    card()!.querySelector('button')!.click();
    await until(() => expect(card()).toBeNull());
  });

  it("unmounting the app destroys the plugin's Attune instance, but not one passed in", async () => {
    mount(HelpCard);
    await until(() => expect(card()).not.toBeNull());
    expect(live.size).toBe(1);
    app!.unmount();
    app = null;
    expect(live.size).toBe(0);

    const shared = createRealAttune(config());
    const destroy = vi.spyOn(shared, 'destroy');
    mount(HelpCard, createAttunePlugin(config(), shared));
    await until(() => expect(card()).not.toBeNull());
    app!.unmount();
    app = null;
    expect(destroy).not.toHaveBeenCalled();
    shared.destroy();
  });

  it('useDecision() stops following Attune when its component unmounts', async () => {
    const shown = ref(true);
    let attune: Attune | null = null;
    const Root = defineComponent(() => {
      attune = useAttune();
      return () => (shown.value ? h(HelpCard) : null);
    });
    mount(Root);
    await until(() => expect(card()).not.toBeNull());
    const following = attune!.$help.lc;
    shown.value = false;
    await until(() => expect(card()).toBeNull());
    expect(attune!.$help.lc).toBe(following - 1);
  });

  it('useAttune() without the plugin throws a clear error', () => {
    const errors: unknown[] = [];
    const Probe = defineComponent(() => {
      useAttune();
      return () => null;
    });
    container = document.createElement('div');
    app = createApp(Probe);
    app.config.errorHandler = (error) => void errors.push(error);
    app.config.warnHandler = () => {};
    app.mount(container);
    expect(String(errors[0])).toContain('useAttune() needs app.use(createAttunePlugin(config))');
  });
});
