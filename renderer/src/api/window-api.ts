import type { KeyPairDeskApi } from '../../../shared/ipc/api-types';

declare global {
  interface Window {
    /** Exposed by the preload (or the browser tests' bridge); the renderer's only way to reach main. */
    readonly api: KeyPairDeskApi;
  }
}

/** The API, for stores only: components never call it (they call store actions). */
export function windowApi(): KeyPairDeskApi {
  return window.api;
}
