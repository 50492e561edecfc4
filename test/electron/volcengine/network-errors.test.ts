import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../../electron/volcengine/network-errors';

function nodeError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('classifying transport errors (shapes that loopback cannot produce)', () => {
  it('finds the code inside the cause of a wrapping error', () => {
    const wrapped = new TypeError('fetch failed', { cause: nodeError('connect ECONNREFUSED 10.0.0.1:443', { code: 'ECONNREFUSED', syscall: 'connect', address: '10.0.0.1', port: 443 }) });
    expect(classifyNetworkError(wrapped)).toMatchObject({ code: 'ECS_NETWORK_CONNECTION_REFUSED', mayHaveReachedServer: false });
  });

  it('finds the code inside a dual-stack AggregateError', () => {
    const aggregate = new AggregateError([
      nodeError('connect ECONNREFUSED ::1:443', { code: 'ECONNREFUSED', syscall: 'connect', address: '::1', port: 443 }),
      nodeError('connect ECONNREFUSED 127.0.0.1:443', { code: 'ECONNREFUSED', syscall: 'connect', address: '127.0.0.1', port: 443 }),
    ]);
    expect(classifyNetworkError(aggregate).code).toBe('ECS_NETWORK_CONNECTION_REFUSED');
  });

  it('tells a connect timeout (nothing sent) from a timeout waiting for the answer', () => {
    expect(classifyNetworkError(new errors.ConnectTimeoutError())).toMatchObject({ code: 'ECS_NETWORK_TIMEOUT', mayHaveReachedServer: false });
    expect(classifyNetworkError(new errors.HeadersTimeoutError())).toMatchObject({ code: 'ECS_NETWORK_TIMEOUT', mayHaveReachedServer: true });
    expect(classifyNetworkError(nodeError('connect ETIMEDOUT', { code: 'ETIMEDOUT', syscall: 'connect' }))).toMatchObject({ mayHaveReachedServer: false });
  });

  it('treats a socket closed by the other side as a reset that may have reached the server', () => {
    expect(classifyNetworkError(new errors.SocketError('other side closed'))).toMatchObject({ code: 'ECS_NETWORK_CONNECTION_RESET', mayHaveReachedServer: true });
    expect(classifyNetworkError(nodeError('read ECONNRESET', { code: 'ECONNRESET', syscall: 'read' })).code).toBe('ECS_NETWORK_CONNECTION_RESET');
  });

  it.each(['CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_WRONG_VERSION_NUMBER'])(
    'reports %s as a TLS failure',
    (code) => {
      expect(classifyNetworkError(nodeError(code, { code }))).toMatchObject({ code: 'ECS_NETWORK_TLS', mayHaveReachedServer: false });
    },
  );

  it.each(['ENOTFOUND', 'EAI_AGAIN'])('reports %s as a DNS failure', (code) => {
    expect(classifyNetworkError(nodeError(code, { code, syscall: 'getaddrinfo', hostname: 'open.volcengineapi.com' })).code).toBe('ECS_NETWORK_DNS');
  });

  it('blames the proxy when the proxy host does not resolve', () => {
    const error = nodeError('getaddrinfo ENOTFOUND proxy.corp', { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'proxy.corp' });
    expect(classifyNetworkError(error, [{ hostname: 'proxy.corp', port: 3128 }]).code).toBe('ECS_NETWORK_PROXY');
  });

  it('assumes the worst for an error it does not know', () => {
    expect(classifyNetworkError(new Error('mystery'))).toMatchObject({ code: 'ECS_NETWORK_OTHER', mayHaveReachedServer: true });
    expect(classifyNetworkError('not even an error')).toMatchObject({ code: 'ECS_NETWORK_OTHER', mayHaveReachedServer: true });
  });

  it('names codes in its detail, never the error text', () => {
    const failure = classifyNetworkError(nodeError('secret-looking text', { code: 'ECONNRESET' }));
    expect(failure.detail).toContain('ECONNRESET');
    expect(failure.detail).not.toContain('secret-looking');
  });
});
