import type { EcsNetworkErrorCode } from '../../shared/errors/ecs-error-codes';

/** A proxy the dispatcher may connect through, so that failing to reach it is reported as a proxy failure. */
export interface ProxyEndpoint {
  hostname: string;
  port: number;
}

export interface NetworkFailure {
  code: EcsNetworkErrorCode;
  /** False when the failure happened before a connection to the server existed, so nothing was sent. */
  mayHaveReachedServer: boolean;
  /** Error codes and names seen on the failure, for the message; never the failing error's own text. */
  detail: string;
}

interface ErrorFacts {
  codes: string[];
  names: string[];
  messages: string[];
  syscalls: string[];
  addresses: Array<{ address?: string; port?: number; hostname?: string }>;
}

function stringField(value: object, key: string): string | undefined {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

function numberField(value: object, key: string): number | undefined {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'number' ? field : undefined;
}

/**
 * Undici wraps the socket's error in `cause`, and Node reports a failed dual-stack connect as an AggregateError
 * holding one error per address; the useful code may sit anywhere in that tree.
 */
function collectFacts(error: unknown, facts: ErrorFacts = { codes: [], names: [], messages: [], syscalls: [], addresses: [] }, depth = 0): ErrorFacts {
  if (depth > 5 || typeof error !== 'object' || error === null) return facts;
  const code = stringField(error, 'code');
  if (code) facts.codes.push(code);
  const name = stringField(error, 'name');
  if (name) facts.names.push(name);
  const message = stringField(error, 'message');
  if (message) facts.messages.push(message);
  const syscall = stringField(error, 'syscall');
  if (syscall) facts.syscalls.push(syscall);
  const address = stringField(error, 'address');
  const hostname = stringField(error, 'hostname');
  const port = numberField(error, 'port');
  if (address !== undefined || hostname !== undefined) facts.addresses.push({ address, port, hostname });
  collectFacts((error as { cause?: unknown }).cause, facts, depth + 1);
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested)) for (const inner of nested) collectFacts(inner, facts, depth + 1);
  return facts;
}

const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA', 'EAI_ADDRFAMILY']);
const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH']);
const timeoutAfterConnectCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const unreachableCodes = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
// Undici's own wording when a proxy refuses a CONNECT tunnel or asks for credentials.
const proxyMessagePattern = /Proxy response \(\d+\)|Proxy Authentication Required/;

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('CERT_') ||
    code.includes('SELF_SIGNED') ||
    code.startsWith('UNABLE_TO_') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'EPROTO' ||
    code === 'UND_ERR_PRX_TLS'
  );
}

function isProxyEndpoint(facts: ErrorFacts, proxies: readonly ProxyEndpoint[]): boolean {
  return facts.addresses.some((seen) =>
    proxies.some((proxy) => {
      const hostMatches = seen.hostname === proxy.hostname || seen.address === proxy.hostname;
      // Connect errors name the resolved address, not the proxy's host name; a port match is then the tell.
      const portMatches = seen.port === proxy.port && seen.address !== undefined;
      return hostMatches || portMatches;
    }),
  );
}

/**
 * Sorts a transport error into the kinds the UI explains differently. `mayHaveReachedServer` decides whether a
 * change request could have been applied: only failures that happen before a connection exists are certain
 * not to have sent anything.
 */
export function classifyNetworkError(error: unknown, proxies: readonly ProxyEndpoint[] = []): NetworkFailure {
  const facts = collectFacts(error);
  const detail = [...new Set([...facts.codes, ...facts.names])].join(', ') || 'unknown transport error';
  const has = (set: ReadonlySet<string>) => facts.codes.some((code) => set.has(code));
  const connectPhase = facts.syscalls.includes('connect') || facts.syscalls.includes('getaddrinfo');

  const proxyRefused = facts.messages.some((message) => proxyMessagePattern.test(message));
  const proxyUnreachable = connectPhase && isProxyEndpoint(facts, proxies);
  if (proxyRefused || proxyUnreachable) return { code: 'ECS_NETWORK_PROXY', mayHaveReachedServer: false, detail };
  if (has(dnsCodes)) return { code: 'ECS_NETWORK_DNS', mayHaveReachedServer: false, detail };
  if (facts.codes.includes('ECONNREFUSED')) return { code: 'ECS_NETWORK_CONNECTION_REFUSED', mayHaveReachedServer: false, detail };
  if (facts.codes.some(isTlsCode)) return { code: 'ECS_NETWORK_TLS', mayHaveReachedServer: false, detail };
  if (facts.codes.includes('UND_ERR_CONNECT_TIMEOUT') || (facts.codes.includes('ETIMEDOUT') && connectPhase)) {
    return { code: 'ECS_NETWORK_TIMEOUT', mayHaveReachedServer: false, detail };
  }
  if (has(timeoutAfterConnectCodes) || facts.codes.includes('ETIMEDOUT')) {
    return { code: 'ECS_NETWORK_TIMEOUT', mayHaveReachedServer: true, detail };
  }
  if (has(resetCodes)) return { code: 'ECS_NETWORK_CONNECTION_RESET', mayHaveReachedServer: true, detail };
  if (has(unreachableCodes)) return { code: 'ECS_NETWORK_OTHER', mayHaveReachedServer: false, detail };
  // Anything else happened at an unknown point, so the request may have gone out.
  return { code: 'ECS_NETWORK_OTHER', mayHaveReachedServer: true, detail };
}
