import { Agent, type Dispatcher } from 'undici';

/**
 * The network between the app and Volcengine, played by the simulator: every connection to one of `hosts` (the
 * names the app derives per region, such as `open.volcengineapi.com` or `ecs.ap-southeast-2.volcengineapi.com`)
 * lands on the simulator's loopback address, as if DNS resolved them there and TLS were terminated in front of
 * it. The request keeps the `Host` header (and the signature over it) the app built for the real name, so the
 * simulator can route by it.
 *
 * Why here, in the tests, and not in the app: production code has no switch that sends a real hostname anywhere
 * else. The app's client already takes an undici dispatcher (its proxy layer), and this one is handed in through
 * the core's `createEcsClient`, exactly where a test also pins a transport. Any origin not listed is refused, so a
 * test can never reach the real service by mistake.
 */
export function simulatedVolcengineNetwork(simulatorUrl: string, hosts: readonly string[]): Dispatcher {
  const target = new URL(simulatorUrl).origin;
  const known = new Set(hosts);
  return new Agent().compose((dispatch) => (options, handler) => {
    const origin = new URL(String(options.origin));
    if (origin.protocol !== 'https:' || !known.has(origin.host)) {
      throw new Error(`The simulated network knows no ${origin.origin}; a test must not send requests anywhere real.`);
    }
    return dispatch({ ...options, origin: target }, handler);
  });
}
