'use client';

import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { atom } from 'nanostores';
import {
  createAttune,
  createDeferredApi,
  DEFERRED_LIMIT,
  METHODS,
  type Method,
  type ActiveHelp,
  type Attune,
  type AttuneConfig,
  type DismissKind,
  type EngageAction,
} from 'attune';

const AttuneContext = createContext<Attune | null>(null);

/** An Attune the provider hands out at once, whose runtime only starts when `start` is called from an effect. */
interface DeferredAttune {
  attune: Attune;
  /** Creates the runtime (once; again only after `stop`) and replays the calls made before it. */
  start(config: AttuneConfig): void;
  /** Destroys the runtime; `$help` goes back to `null`, and later calls wait for the next start. */
  stop(): void;
}

// Render must not start Attune: StrictMode (and concurrent rendering) call state initializers
// more than once and throw results away, and each created runtime would add its own listeners.
// So render creates only this handle, the runtime starts in an effect, and calls made before
// it (a consent banner's saved choice, read while rendering) wait in attune's one deferred-call
// buffer (at most DEFERRED_LIMIT) and are replayed in order.
const createDeferredAttune = (): DeferredAttune => {
  const $help = atom<ActiveHelp | null>(null);
  const deferred = createDeferredApi<Attune, Method>(METHODS, { limit: DEFERRED_LIMIT });
  let runtime: Attune | null = null;
  let unbind = () => {};
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  return {
    attune: Object.assign(deferred.api, { ready, $help }),
    start(config) {
      if (runtime) return;
      runtime = createAttune(config);
      unbind = runtime.$help.subscribe((help) => $help.set(help));
      void runtime.ready.then(markReady);
      deferred.start(runtime);
    },
    stop() {
      unbind();
      deferred.wait();
      runtime?.destroy();
      runtime = null;
      $help.set(null);
    },
  };
};

/** Props of {@link AttuneProvider}. */
export interface AttuneProviderProps {
  /** Attune's configuration; read once, when the provider mounts. */
  config: AttuneConfig;
  /** An instance made elsewhere (tests, or an app that shares one); `config` is then ignored. */
  instance?: Attune;
  children?: ReactNode;
}

/**
 * Starts one Attune instance for the tree below once it mounts, and destroys it on unmount.
 * Safe in `<StrictMode>`: its development double mount starts Attune once. Calls made before
 * the instance starts (from render or child effects) are replayed in order. Renders on the
 * server too: there Attune never starts.
 *
 * @example
 * <AttuneProvider config={{ rules: '/attune-rules.json', endpoint: '/collect', headless: true }}>
 *   <App />
 * </AttuneProvider>
 */
export const AttuneProvider = ({ config, instance, children }: AttuneProviderProps) => {
  const [deferred] = useState(() => (instance ? null : createDeferredAttune()));
  const configRef = useRef(config);
  // StrictMode unmounts and mounts again at once in development: stop only after a real unmount.
  const pendingStop = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!deferred) return;
    clearTimeout(pendingStop.current);
    deferred.start(configRef.current);
    return () => {
      pendingStop.current = setTimeout(() => deferred.stop(), 0);
    };
  }, [deferred]);
  return <AttuneContext.Provider value={instance ?? deferred!.attune}>{children}</AttuneContext.Provider>;
};

/** The Attune instance of the nearest provider. Throws a clear error outside one (a developer mistake). */
export const useAttune = (): Attune => {
  const attune = useContext(AttuneContext);
  if (!attune) throw new Error('[attune] useAttune() needs an <AttuneProvider> above it');
  return attune;
};

/** The help Attune decided to show right now, or `null`; re-renders when it changes. */
export const useDecision = (): ActiveHelp | null => {
  const attune = useAttune();
  return useSyncExternalStore(
    (onChange) => attune.$help.listen(onChange),
    () => attune.$help.get(),
    () => null,
  );
};

/** What {@link AttuneSlot} hands to its render function. */
export interface SlotActions {
  dismiss(kind?: DismissKind): void;
  engage(action: EngageAction): void;
}

/**
 * Headless rendering: renders `children(help, actions)` with the app's own components when
 * Attune decides to help, and nothing otherwise. Attune still records shown, dismissed and engaged.
 *
 * @example
 * <AttuneSlot>{(help, { dismiss }) => <MyCard title={help.decision.action.title} onClose={() => dismiss()} />}</AttuneSlot>
 */
export const AttuneSlot = ({ children }: { children: (help: ActiveHelp, actions: SlotActions) => ReactNode }) => {
  const attune = useAttune();
  const help = useDecision();
  if (!help) return null;
  return <>{children(help, { dismiss: (kind) => attune.dismiss(kind), engage: (action) => attune.engage(action) })}</>;
};

export type { ActiveHelp, Attune, AttuneConfig } from 'attune';
