import type { EventName, Events } from '../shared/ipc/contract';

export type Listener<E extends EventName> = (payload: Events[E]) => void;

/** A typed in-process event bus; transports (Electron, host, CLI) subscribe and forward. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  return {
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) {
        try {
          l(payload);
        } catch {
          // A failing listener must not break the emitter.
        }
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
}
