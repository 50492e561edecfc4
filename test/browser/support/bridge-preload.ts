// Bundled into the page before any of its scripts run, in place of electron/preload.ts. It builds `window.api`
// with the very same createApi the preload uses; only the transport differs: a Playwright binding to the test
// process, where the real main-process core answers.
import { createApi } from '../../../electron/preload/create-api';

type Listener = (payload: unknown) => void;

declare global {
  interface Window {
    __kpdInvoke(wireChannel: string, request: unknown): Promise<unknown>;
    __kpdDeliver(wireChannel: string, payload: unknown): void;
    __kpdCspViolations: string[];
  }
}

const listeners = new Map<string, Set<Listener>>();

const api = createApi({
  invoke: (wireChannel, request) => window.__kpdInvoke(wireChannel, request),
  subscribe: (wireChannel, listener) => {
    const set = listeners.get(wireChannel) ?? new Set<Listener>();
    listeners.set(wireChannel, set);
    set.add(listener);
    return () => set.delete(listener);
  },
});

// As contextBridge does: the page gets a frozen object it cannot replace.
Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
window.__kpdDeliver = (wireChannel, payload) => listeners.get(wireChannel)?.forEach((listener) => listener(payload));

// Any CSP violation is a finding: the tests assert there are none.
window.__kpdCspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__kpdCspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
