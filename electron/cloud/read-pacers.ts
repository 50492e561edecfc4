import { createRequestPacer, type RequestPacer } from '../volcengine/request-pacer';

/**
 * One read pace per profile: Volcengine's flow limits are the account's, so every listing of a profile (a region
 * streaming in, a key pair's listing, a sweep) shares one rate, read from the settings before each slot.
 */
export function createReadPacers(ratePerSecond: () => number): (profileId: string) => RequestPacer {
  const pacers = new Map<string, RequestPacer>();
  return (profileId) => {
    let pacer = pacers.get(profileId);
    if (pacer === undefined) {
      pacer = createRequestPacer({ ratePerSecond, now: () => performance.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
      pacers.set(profileId, pacer);
    }
    return pacer;
  };
}
