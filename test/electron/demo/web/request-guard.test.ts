import { describe, expect, it } from 'vitest';
import { bearerToken, refuseApiCall, refuseForeign, tokenMatches } from '../../../../electron/demo/web/request-guard';

const host = '127.0.0.1:8600';
const origin = `http://${host}`;
const token = 'pX2v0c1yF7r9hQ4kZ8wT3nB6mJ5sL0aD1eG2iK3oU4';

describe('the web demo request guard', () => {
  it('matches the token exactly, whatever its length', () => {
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token.slice(0, -1), token)).toBe(false);
    expect(tokenMatches(`${token}x`, token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
    expect(tokenMatches(undefined, token)).toBe(false);
  });

  it('reads the token from a Bearer header only', () => {
    expect(bearerToken({ authorization: `Bearer ${token}` })).toBe(token);
    expect(bearerToken({ authorization: `Basic ${token}` })).toBeUndefined();
    expect(bearerToken({ authorization: `Bearer ${token} extra` })).toBeUndefined();
    expect(bearerToken({})).toBeUndefined();
  });

  it('serves only this machine, under its own Host: a DNS-rebound name is refused', () => {
    expect(refuseForeign('127.0.0.1', { host }, host)).toBeUndefined();
    expect(refuseForeign('::ffff:127.0.0.1', { host }, host)).toBeUndefined();
    expect(refuseForeign('127.0.0.1', { host: 'evil.example:8600' }, host)).toEqual({ status: 403, reason: 'host' });
    expect(refuseForeign('127.0.0.1', { host: 'localhost:8600' }, host)).toEqual({ status: 403, reason: 'host' });
    expect(refuseForeign('127.0.0.1', {}, host)).toEqual({ status: 403, reason: 'host' });
    expect(refuseForeign('192.168.1.20', { host }, host)).toEqual({ status: 403, reason: 'address' });
    expect(refuseForeign(undefined, { host }, host)).toEqual({ status: 403, reason: 'address' });
  });

  it('lets the API answer only a same-origin page with the token', () => {
    const authorization = `Bearer ${token}`;
    expect(refuseApiCall({ authorization, origin, 'sec-fetch-site': 'same-origin' }, origin, token)).toBeUndefined();
    expect(refuseApiCall({ authorization }, origin, token)).toBeUndefined();
    expect(refuseApiCall({ authorization, origin: 'http://evil.example' }, origin, token)).toEqual({ status: 403, reason: 'origin' });
    expect(refuseApiCall({ authorization, origin: 'null' }, origin, token)).toEqual({ status: 403, reason: 'origin' });
    expect(refuseApiCall({ authorization, 'sec-fetch-site': 'cross-site' }, origin, token)).toEqual({ status: 403, reason: 'origin' });
    expect(refuseApiCall({ authorization, 'sec-fetch-site': 'same-site' }, origin, token)).toEqual({ status: 403, reason: 'origin' });
    expect(refuseApiCall({ origin }, origin, token)).toEqual({ status: 401, reason: 'token' });
    expect(refuseApiCall({ origin, authorization: 'Bearer wrong-token-of-some-length' }, origin, token)).toEqual({ status: 401, reason: 'token' });
  });
});
