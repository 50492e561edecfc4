import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import type { ProxyEndpoint } from './network-errors';

/**
 * How requests reach Volcengine:
 * - `direct`: no proxy.
 * - `environment`: `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (either case), read from the given variables,
 *   so tests and the settings screen can pass their own instead of the process's.
 * - `explicit`: every request through this proxy URL (`http://[user:password@]host:port`).
 */
export type ProxySetting =
  | { mode: 'direct' }
  | { mode: 'environment'; variables: Readonly<Record<string, string | undefined>> }
  | { mode: 'explicit'; url: string };

export interface ProxyDispatcher {
  dispatcher: Dispatcher;
  /** Where the proxies are, so a failure to reach one is reported as a proxy failure. */
  proxies: ProxyEndpoint[];
}

export interface DispatcherTimeouts {
  /** Bounds the TCP (and TLS) connect, separately from the whole request's timeout. */
  connectTimeoutMs: number;
}

function endpointOf(url: string): ProxyEndpoint | undefined {
  try {
    const parsed = new URL(url);
    const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
    return { hostname: parsed.hostname.replace(/^\[|\]$/g, ''), port };
  } catch {
    return undefined;
  }
}

function variable(variables: Readonly<Record<string, string | undefined>>, name: string): string {
  return variables[name.toUpperCase()] ?? variables[name.toLowerCase()] ?? '';
}

export function createProxyDispatcher(setting: ProxySetting, timeouts: DispatcherTimeouts): ProxyDispatcher {
  const connect = { timeout: timeouts.connectTimeoutMs };
  switch (setting.mode) {
    case 'direct':
      return { dispatcher: new Agent({ connect }), proxies: [] };
    case 'explicit': {
      const endpoint = endpointOf(setting.url);
      // ProxyAgent connects through its own connector, so the timeout goes to both legs of the tunnel.
      const dispatcher = new ProxyAgent({ uri: setting.url, proxyTls: connect, requestTls: connect });
      return { dispatcher, proxies: endpoint ? [endpoint] : [] };
    }
    case 'environment': {
      const httpsProxy = variable(setting.variables, 'HTTPS_PROXY');
      const httpProxy = variable(setting.variables, 'HTTP_PROXY');
      // Empty strings rather than undefined: undici would otherwise fall back to process.env by itself.
      const noProxy = variable(setting.variables, 'NO_PROXY');
      const dispatcher = new EnvHttpProxyAgent({ httpProxy, httpsProxy, noProxy, connect, proxyTls: connect, requestTls: connect });
      const proxies = [httpsProxy, httpProxy].filter((url) => url !== '').map(endpointOf);
      return { dispatcher, proxies: proxies.filter((endpoint): endpoint is ProxyEndpoint => endpoint !== undefined) };
    }
  }
}
