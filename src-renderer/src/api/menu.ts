import { useEffect } from 'react';
import type { MenuEvent } from '../../../src-main/contract/index.ts';

/**
 * Native-menu commands (Electron) arrive as a 'pantau:menu' DOM event. A command may come while
 * another screen is open: it waits here until the screen that carries it out takes it.
 */
const pending: MenuEvent[] = [];
const listeners = new Set<() => void>();

export function listenToMenu(onCommand: (e: MenuEvent) => void): () => void {
  const handler = (e: Event) => {
    const detail = (e as CustomEvent<MenuEvent>).detail;
    pending.push(detail);
    onCommand(detail);
    listeners.forEach((l) => l());
  };
  window.addEventListener('pantau:menu', handler);
  return () => window.removeEventListener('pantau:menu', handler);
}

/** Takes the waiting commands of one action, now and whenever new ones arrive. */
export function useMenuCommand<A extends MenuEvent['action']>(action: A, run: (e: Extract<MenuEvent, { action: A }>) => void) {
  useEffect(() => {
    const drain = () => {
      for (let i = 0; i < pending.length; i++) {
        const e = pending[i]!;
        if (e.action === action) {
          pending.splice(i--, 1);
          run(e as Extract<MenuEvent, { action: A }>);
        }
      }
    };
    drain();
    listeners.add(drain);
    return () => {
      listeners.delete(drain);
    };
  }, [action, run]);
}
