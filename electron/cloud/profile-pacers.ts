import { createRequestPacer, type RequestPacer } from '../volcengine/request-pacer';

/**
 * One pace per profile: Volcengine's flow limits are the account's, so every request of a kind that a profile's
 * clients send (all its regions, a sweep's parts side by side) shares one rate, read from the settings before each
 * slot. The app keeps two: one for reads (listings, a sweep's search) and one for changes (detach, attach, reboot),
 * so a sweep over many regions of one account never sends that account's changes faster than the setting says.
 */
export function createProfilePacers(ratePerSecond: () => number): (profileId: string) => RequestPacer {
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
