// Served with the renderer by `npm run demo:web`, in place of electron/preload.ts: it builds `window.api` with the
// very same createApi the preload uses. Only the transport differs: HTTP calls to the demo's server on this machine,
// each carrying the token the demo printed, instead of Electron's IPC.
import { createApi } from '../../../preload/create-api';
import { createEventStreamClient } from './event-stream-client';

const tokenKey = 'kpd-demo-token';

/**
 * The token comes in the address's fragment (never sent to a server, so never in a log), then leaves the address
 * bar; the tab's session storage keeps it for a reload.
 */
function takeToken(): string {
  const fromAddress = /^#([A-Za-z0-9_-]{16,200})$/.exec(window.location.hash)?.[1];
  if (fromAddress !== undefined) {
    sessionStorage.setItem(tokenKey, fromAddress);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromAddress;
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

const headers = { Authorization: `Bearer ${takeToken()}` };
const events = createEventStreamClient('/api/events', headers);

const api = createApi({
  invoke: async (wireChannel, request) => {
    await events.opened();
    const response = await fetch(`/api/invoke/${encodeURIComponent(wireChannel)}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      // Wrapped, so a call without a request (undefined, which JSON cannot say) arrives as one.
      body: JSON.stringify({ request }),
      cache: 'no-store',
      credentials: 'omit',
    });
    // Without the token (an address typed without it, a tab from an earlier run): refused, as main refuses a
    // sender it does not trust, so the page says so rather than "something went wrong".
    if (response.status === 401 || response.status === 403) {
      return { ok: false, error: { code: 'IPC_FORBIDDEN_SENDER', message: 'The demo refused this page: open the address it printed, token and all.' } };
    }
    // createApi turns this into an INTERNAL result, as it does when Electron's IPC fails.
    if (!response.ok) throw new Error(`the demo answered ${response.status}`);
    const result: unknown = await response.json();
    await events.caughtUp(Number(response.headers.get('X-KPD-Event-Sequence') ?? 0));
    return result;
  },
  subscribe: (wireChannel, listener) => events.subscribe(wireChannel, listener),
});

// As contextBridge does: the page gets a frozen object it cannot replace.
Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
