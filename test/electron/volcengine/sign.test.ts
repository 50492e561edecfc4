import { afterEach, describe, expect, it, vi } from 'vitest';
import { signRequest, type SignRequestInput } from '../../../electron/volcengine/sign';
import {
  canonicalRequest,
  credentialScope,
  deriveSigningKey,
  emptyBodySha256,
  sha256Hex,
  signatureHex,
  stringToSign,
} from '../../../electron/volcengine/signing-primitives';
import { signWithOfficialSigner } from './support/official-signer';

const secretAccessKey = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY==';
const sessionToken = 'STS2eyJhbGciOiJIUzI1NiJ9.token+with/base64==';

function baseInput(overrides: Partial<SignRequestInput> = {}): SignRequestInput {
  return {
    method: 'GET',
    host: 'open.volcengineapi.com',
    path: '/',
    query: { Action: 'DetachKeyPair', Version: '2020-04-01', 'InstanceIds.1': 'i-a', KeyPairName: 'kp 1' },
    region: 'cn-beijing',
    service: 'ecs',
    credentials: { accessKeyId: 'AKLTexample', secretAccessKey },
    date: new Date('2021-06-11T14:45:10.500Z'),
    ...overrides,
  };
}

function signedHeadersOf(authorization: string | undefined): string | undefined {
  return /SignedHeaders=([^,]*),/.exec(authorization ?? '')?.[1];
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null && !(child instanceof Date)) deepFreeze(child as object);
  }
  return Object.freeze(value);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('signRequest headers', () => {
  it('sends Host, X-Date, X-Content-Sha256 and Authorization, signing host;x-content-sha256;x-date', () => {
    const { headers } = signRequest(baseInput());
    expect(Object.keys(headers).sort()).toEqual(['Authorization', 'Host', 'X-Content-Sha256', 'X-Date']);
    expect(headers['Host']).toBe('open.volcengineapi.com');
    expect(headers['X-Date']).toBe('20210611T144510Z');
    expect(headers['X-Content-Sha256']).toBe(emptyBodySha256);
    expect(signedHeadersOf(headers['Authorization'])).toBe('host;x-content-sha256;x-date');
    const authorization = headers['Authorization'] ?? '';
    expect(authorization.startsWith('HMAC-SHA256 Credential=AKLTexample/20210611/cn-beijing/ecs/request, ')).toBe(true);
    expect(authorization).toMatch(/, Signature=[0-9a-f]{64}$/);
  });

  it('returns the canonical query to send in the URL', () => {
    expect(signRequest(baseInput()).canonicalQuery).toBe(
      'Action=DetachKeyPair&InstanceIds.1=i-a&KeyPairName=kp%201&Version=2020-04-01',
    );
  });

  it('signs exactly what the primitives compute for the same request', () => {
    const input = baseInput();
    const { headers, canonicalQuery } = signRequest(input);
    const scope = credentialScope('20210611', 'cn-beijing', 'ecs');
    const text = canonicalRequest({
      method: 'GET',
      path: '/',
      canonicalQuery,
      headers,
      signedHeaders: ['host', 'x-date', 'x-content-sha256'],
      bodySha256: emptyBodySha256,
    });
    const key = deriveSigningKey(secretAccessKey, '20210611', 'cn-beijing', 'ecs');
    const signature = signatureHex(key, stringToSign('20210611T144510Z', scope, text));
    expect(headers['Authorization']).toContain(`Signature=${signature}`);
  });

  it('with a session token, sets X-Security-Token before signing and signs it', () => {
    const input = baseInput({ credentials: { accessKeyId: 'AKLTexample', secretAccessKey, sessionToken } });
    const { headers } = signRequest(input);
    expect(headers['X-Security-Token']).toBe(sessionToken);
    expect(signedHeadersOf(headers['Authorization'])).toBe('host;x-content-sha256;x-date;x-security-token');
    expect(headers['Authorization']).not.toBe(signRequest(baseInput()).headers['Authorization']);
    expect(headers).toEqual(signWithOfficialSigner(input).headers);
  });

  it('treats an empty session token as none, as the CLI config stores "" for access-key profiles', () => {
    const credentials = { accessKeyId: 'AKLTexample', secretAccessKey, sessionToken: '' };
    const { headers } = signRequest(baseInput({ credentials }));
    expect(headers).not.toHaveProperty('X-Security-Token');
    expect(headers).toEqual(signRequest(baseInput()).headers);
  });

  it('sends extra caller headers in the caller’s spelling and signs them', () => {
    const { headers } = signRequest(baseInput({ headers: { 'X-Request-Trace': 'abc', Accept: 'application/json' } }));
    expect(headers['X-Request-Trace']).toBe('abc');
    expect(headers['Accept']).toBe('application/json');
    expect(signedHeadersOf(headers['Authorization'])).toBe('accept;host;x-content-sha256;x-date;x-request-trace');
  });

  it('sends Content-Type, Content-Length, User-Agent and Expect unsigned, as the official signer does', () => {
    const { headers } = signRequest(
      baseInput({
        headers: { 'Content-Type': 'text/plain', 'User-Agent': 'kpd', 'content-length': '0', Expect: '100-continue' },
      }),
    );
    expect(headers['Content-Type']).toBe('text/plain');
    expect(headers['User-Agent']).toBe('kpd');
    expect(signedHeadersOf(headers['Authorization'])).toBe('host;x-content-sha256;x-date');
  });

  it('changes the signature when a signed caller header changes', () => {
    const first = signRequest(baseInput({ headers: { 'X-Trace': 'a' } })).headers['Authorization'];
    const second = signRequest(baseInput({ headers: { 'X-Trace': 'b' } })).headers['Authorization'];
    expect(first).not.toBe(second);
  });

  it('hashes a non-empty body into X-Content-Sha256 as UTF-8', () => {
    const { headers } = signRequest(baseInput({ method: 'POST', body: '{"名":"😀"}' }));
    expect(headers['X-Content-Sha256']).toBe(sha256Hex(Buffer.from('{"名":"😀"}', 'utf8')));
  });

  it('puts the region and service into the credential scope', () => {
    const { headers } = signRequest(baseInput({ region: 'ap-southeast-1', service: 'vpc' }));
    expect(headers['Authorization']).toContain('Credential=AKLTexample/20210611/ap-southeast-1/vpc/request,');
  });

  it('never puts the secret access key into any header', () => {
    const credentials = { accessKeyId: 'AKLTexample', secretAccessKey, sessionToken };
    const { headers } = signRequest(baseInput({ credentials }));
    for (const value of Object.values(headers)) expect(value).not.toContain(secretAccessKey);
  });
});

describe('signRequest refuses input it cannot sign faithfully', () => {
  it.each<[string, Partial<SignRequestInput>]>([
    ['a caller Host header', { headers: { host: 'evil.example' } }],
    ['a caller X-Date header', { headers: { 'X-Date': '20000101T000000Z' } }],
    ['a caller Authorization header', { headers: { Authorization: 'x' } }],
    ['a caller X-Security-Token header', { headers: { 'x-security-token': 't' } }],
    ['a caller X-Content-Sha256 header', { headers: { 'X-Content-SHA256': 'x' } }],
    ['two header names differing only in case', { headers: { 'X-Trace': 'a', 'x-trace': 'b' } }],
    ['a header name that is not an HTTP token', { headers: { 'X Trace': 'a' } }],
    ['a header value with a line break', { headers: { 'X-Trace': 'a\r\nX-Injected: 1' } }],
    ['a session token with a line break', { credentials: { accessKeyId: 'AK', secretAccessKey, sessionToken: 'a\n' } }],
    ['an empty query key', { query: { '': 'x', Action: 'A' } }],
    ['a query value with a lone surrogate', { query: { InstanceName: 'a\ud800' } }],
    ['an empty access key id', { credentials: { accessKeyId: '', secretAccessKey } }],
    ['an access key id with a slash', { credentials: { accessKeyId: 'AK/x', secretAccessKey } }],
    ['an empty secret access key', { credentials: { accessKeyId: 'AK', secretAccessKey: '' } }],
    ['a region with a slash', { region: 'cn/beijing' }],
    ['a region with a space', { region: 'cn beijing' }],
    ['an empty service', { service: '' }],
    ['a method that is not a token', { method: 'GE T' }],
    ['a path without a leading slash', { path: 'x' }],
    ['a path with a query', { path: '/?a=b' }],
    ['a host with a path', { host: 'open.volcengineapi.com/x' }],
    ['an empty host', { host: '' }],
  ])('throws a TypeError for %s', (_name, overrides) => {
    expect(() => signRequest(baseInput(overrides))).toThrow(TypeError);
  });

  it('throws a RangeError for an invalid date', () => {
    expect(() => signRequest(baseInput({ date: new Date('not a date') }))).toThrow(RangeError);
  });

  it('keeps secrets and header values out of its error messages', () => {
    const attempts: Array<Partial<SignRequestInput>> = [
      { credentials: { accessKeyId: 'AK', secretAccessKey: 'TOPSECRET', sessionToken: 'TOPSECRET\n' } },
      { headers: { 'X-Trace': 'TOPSECRET\n' } },
      { credentials: { accessKeyId: 'TOPSECRET/', secretAccessKey: 'TOPSECRET' } },
    ];
    for (const overrides of attempts) {
      expect(() => signRequest(baseInput(overrides))).toThrow(TypeError);
      expect(() => signRequest(baseInput(overrides))).not.toThrow(/TOPSECRET/);
    }
  });
});

describe('signRequest is pure', () => {
  it('returns the same output for the same input', () => {
    const input = baseInput({ credentials: { accessKeyId: 'AKLTexample', secretAccessKey, sessionToken } });
    expect(signRequest(input)).toEqual(signRequest(input));
  });

  it('does not mutate its input, even a deeply frozen one', () => {
    const input = baseInput({
      headers: { 'X-Trace': '  a  b ' },
      body: 'payload',
      credentials: { accessKeyId: 'AKLTexample', secretAccessKey, sessionToken },
    });
    const snapshot = structuredClone(input);
    const frozen = deepFreeze(input);
    signRequest(frozen);
    expect(frozen).toEqual(snapshot);
    expect(frozen.date.getTime()).toBe(snapshot.date.getTime());
  });

  it('returns fresh objects, so changing one result cannot change the next', () => {
    const input = baseInput();
    const first = signRequest(input);
    first.headers['Authorization'] = 'tampered';
    first.headers['X-Extra'] = 'x';
    expect(signRequest(input).headers['Authorization']).not.toBe('tampered');
    expect(signRequest(input).headers).not.toHaveProperty('X-Extra');
  });

  it('depends on the date input alone, not on the clock', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const later = signRequest(baseInput());
      vi.setSystemTime(new Date('2000-01-01T00:00:00Z'));
      expect(signRequest(baseInput())).toEqual(later);
    } finally {
      vi.useRealTimers();
    }
  });

  it('logs nothing, to the console or straight to stdout and stderr', () => {
    const spies = [
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'info'),
      vi.spyOn(console, 'warn'),
      vi.spyOn(console, 'error'),
      vi.spyOn(console, 'debug'),
      vi.spyOn(console, 'trace'),
      vi.spyOn(process.stdout, 'write'),
      vi.spyOn(process.stderr, 'write'),
    ];
    signRequest(baseInput({ credentials: { accessKeyId: 'AKLTexample', secretAccessKey, sessionToken } }));
    expect(() => signRequest(baseInput({ region: '' }))).toThrow(TypeError);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('treats a header named __proto__ as an ordinary header', () => {
    const headers = JSON.parse('{"__proto__":"x"}') as Record<string, string>;
    const signed = signRequest(baseInput({ headers }));
    expect(Object.getOwnPropertyDescriptor(signed.headers, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(signed.headers)).toBe(Object.prototype);
    expect(signedHeadersOf(signed.headers['Authorization'])).toBe('__proto__;host;x-content-sha256;x-date');
  });
});
