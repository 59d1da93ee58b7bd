import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createAttune, type ActiveHelp, type Attune, type AttuneConfig, type DismissKind, type EngageAction } from 'attune';

const AttuneContext = createContext<Attune | null>(null);

/** Props of {@link AttuneProvider}. */
export interface AttuneProviderProps {
  /** Attune's configuration; read once, when the provider mounts. */
  config: AttuneConfig;
  /** An instance made elsewhere (tests, or an app that shares one); `config` is then ignored. */
  instance?: Attune;
  children?: ReactNode;
}

/**
 * Creates one Attune instance for the tree below and destroys it on unmount.
 * Renders on the server too: there Attune is inert.
 *
 * @example
 * <AttuneProvider config={{ rules: '/attune-rules.json', endpoint: '/collect', headless: true }}>
 *   <App />
 * </AttuneProvider>
 */
export const AttuneProvider = ({ config, instance, children }: AttuneProviderProps) => {
  const [attune] = useState(() => instance ?? createAttune(config));
  // StrictMode mounts, unmounts and mounts again in development: destroy only after a real unmount.
  const pendingDestroy = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    clearTimeout(pendingDestroy.current);
    return () => {
      if (!instance) pendingDestroy.current = setTimeout(() => attune.destroy(), 0);
    };
  }, [attune, instance]);
  return <AttuneContext.Provider value={attune}>{children}</AttuneContext.Provider>;
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
