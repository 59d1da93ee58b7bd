import type { SignalRecord } from '@attune/rules';

/** The one channel detectors write to. Detectors never render and never decide. */
export interface SignalBus {
  /** Publishes a signal to every subscriber. */
  emit(signal: SignalRecord): void;
  /** Subscribes; returns the unsubscribe function. */
  on(listener: (signal: SignalRecord) => void): () => void;
}

/** Creates a synchronous signal bus. A throwing listener does not stop the others. */
export const createBus = (onError: (error: unknown) => void = () => {}): SignalBus => {
  const listeners = new Set<(signal: SignalRecord) => void>();
  return {
    emit(signal) {
      for (const listener of listeners) {
        try {
          listener(signal);
        } catch (error) {
          onError(error);
        }
      }
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
