import { inject, onScopeDispose, shallowRef, type App, type InjectionKey, type ShallowRef } from 'vue';
import { createAttune, type ActiveHelp, type Attune, type AttuneConfig } from 'attune';

/** The injection key Attune is provided under. */
export const attuneKey: InjectionKey<Attune> = Symbol('attune');

/**
 * A Vue 3 plugin that creates one Attune instance for the app.
 * On the server Attune is inert.
 *
 * @example
 * app.use(createAttunePlugin({ rules: '/attune-rules.json', endpoint: '/collect', headless: true }));
 */
export const createAttunePlugin = (config: AttuneConfig, instance?: Attune) => ({
  install(app: App) {
    const attune = instance ?? createAttune(config);
    app.provide(attuneKey, attune);
    const unmount = app.unmount.bind(app);
    app.unmount = () => {
      if (!instance) attune.destroy();
      unmount();
    };
  },
});

/** The app's Attune instance. Throws a clear error without the plugin (a developer mistake). */
export const useAttune = (): Attune => {
  const attune = inject(attuneKey, null);
  if (!attune) throw new Error('[attune] useAttune() needs app.use(createAttunePlugin(config))');
  return attune;
};

/** The help Attune decided to show right now, as a ref that follows it. */
export const useDecision = (): ShallowRef<ActiveHelp | null> => {
  const attune = useAttune();
  const help = shallowRef<ActiveHelp | null>(attune.$help.get());
  const stop = attune.$help.listen((value) => {
    help.value = value;
  });
  onScopeDispose(stop);
  return help;
};

export type { ActiveHelp, Attune, AttuneConfig } from 'attune';
