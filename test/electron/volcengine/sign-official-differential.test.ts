import { describe, expect, it } from 'vitest';
import { signRequest, type SignRequestInput } from '../../../electron/volcengine/sign';
import { canonicalQueryString, percentEncode } from '../../../electron/volcengine/signing-primitives';
import { officialQueryString, signWithOfficialDefaults, signWithOfficialSigner } from './support/official-signer';
import { randomSignRequest } from './support/random-sign-request';
import { createSeededRandom } from '../../../simulator/seeded-random';

/**
 * The project's signer against the official Node SDK's `Signer` (@volcengine/openapi 1.36.2).
 *
 * Configuration: the SDK signs every header it is handed (except authorization, content-type, content-length,
 * user-agent, presigned-expires, expect) plus the X-Date, X-Security-Token and, for a non-empty body only,
 * X-Content-Sha256 it adds itself. Handing it `Host` and `X-Content-Sha256` (and the caller's extra headers)
 * makes it sign the same set as `signRequest`; see support/official-signer.ts.
 */

const seed = 0x5eed_2021;
const caseCount = 600;

const cases: SignRequestInput[] = (() => {
  const random = createSeededRandom(seed);
  return Array.from({ length: caseCount }, () => randomSignRequest(random));
})();

function baseInput(query: Record<string, string>): SignRequestInput {
  return {
    method: 'GET',
    host: 'open.volcengineapi.com',
    path: '/',
    query,
    region: 'cn-beijing',
    service: 'ecs',
    credentials: { accessKeyId: 'AKLTtestAccessKeyId', secretAccessKey: 'testSecretAccessKey==' },
    date: new Date('2021-06-11T14:45:10Z'),
  };
}

/** Decodes a canonical query's keys, to show in which order each signer put them. */
function keyOrder(canonicalQuery: string): string[] {
  return canonicalQuery.split('&').map((pair) => decodeURIComponent(pair.slice(0, pair.indexOf('='))));
}

describe('signRequest agrees with the official Signer', () => {
  it(`on ${caseCount} seeded random requests: same canonical query, Authorization and headers`, () => {
    const mismatches: string[] = [];
    cases.forEach((input, index) => {
      const ours = signRequest(input);
      const official = signWithOfficialSigner(input);
      const sameHeaders = JSON.stringify(sorted(ours.headers)) === JSON.stringify(sorted(official.headers));
      if (ours.canonicalQuery !== official.canonicalQuery || !sameHeaders) {
        mismatches.push(`case ${index} (seed ${seed}): official canonical request was\n${official.canonicalRequest}`);
      }
    });
    expect(mismatches).toEqual([]);
  });

  it('really covered what it claims: lists, tags, Unicode, empty values, STS, regions, headers, bodies', () => {
    const queries = cases.map((input) => input.query);
    const values = queries.flatMap((query) => Object.values(query));
    const keys = queries.flatMap((query) => Object.keys(query));
    const coverage = {
      withSessionToken: cases.filter((input) => input.credentials.sessionToken).length,
      withEmptySessionToken: cases.filter((input) => input.credentials.sessionToken === '').length,
      withHundredInstanceIds: queries.filter((query) => 'InstanceIds.100' in query).length,
      withTagFilterValues: keys.filter((key) => /^TagFilters\.\d+\.Values\.\d+$/.test(key)).length,
      emptyValues: values.filter((value) => value === '').length,
      cjkValues: values.filter((value) => /\p{Script=Han}/u.test(value)).length,
      astralValues: values.filter((value) => /[\u{10000}-\u{10ffff}]/u.test(value)).length,
      reservedValues: values.filter((value) => /[ *+/=&%!'()]/.test(value)).length,
      regions: new Set(cases.map((input) => input.region)).size,
      withExtraHeaders: cases.filter((input) => input.headers !== undefined).length,
      withUnsignedHeaders: cases.filter((input) =>
        Object.keys(input.headers ?? {}).some((name) => /^(content-type|user-agent)$/i.test(name)),
      ).length,
      withBody: cases.filter((input) => input.body).length,
      nonRootPaths: cases.filter((input) => input.path !== '/').length,
    };
    for (const [name, count] of Object.entries(coverage)) expect(count, name).toBeGreaterThanOrEqual(5);
  });

  it('generates the same requests from the same seed, so a failing case can be replayed', () => {
    const random = createSeededRandom(seed);
    const again = Array.from({ length: 20 }, () => randomSignRequest(random));
    expect(again).toEqual(cases.slice(0, 20));
  });

  it('encodes every Unicode scalar value exactly as the official encoder does', () => {
    // Encoding is character by character, so long chunks test each code point as well as one call each would.
    const chunkSize = 4096;
    for (let start = 0; start <= 0x10ffff; start += chunkSize) {
      let chunk = '';
      for (let codePoint = start; codePoint < Math.min(start + chunkSize, 0x110000); codePoint += 1) {
        if (codePoint < 0xd800 || codePoint > 0xdfff) chunk += String.fromCodePoint(codePoint);
      }
      if (chunk.length === 0) continue;
      const ours = percentEncode(chunk);
      if (ours !== officialQueryString({ k: chunk }).slice(2)) {
        expect.fail(`encodings differ in the chunk starting at U+${start.toString(16)}`);
      }
    }
  });

  it('signs host;x-content-sha256;x-date like the published vectors only because it is configured to', () => {
    // The SDK left to its defaults signs x-date alone for an empty-body GET: a server requiring host and
    // x-content-sha256 (the spec's minimum) would refuse it. This is why the reference is configured.
    const input = baseInput({ Action: 'DescribeRegions', Version: '2020-04-01' });
    expect(signWithOfficialDefaults(input).headers['Authorization']).toContain('SignedHeaders=x-date,');
    expect(signWithOfficialSigner(input).headers['Authorization']).toContain(
      'SignedHeaders=host;x-content-sha256;x-date,',
    );
    expect(signRequest(input).headers['Authorization']).toBe(signWithOfficialSigner(input).headers['Authorization']);
  });
});

function sorted(headers: Record<string, string>): Array<[string, string]> {
  return Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Where the official Signer departs from the spec. No ECS parameter can reach these (every ECS key is ASCII
 * letters, digits and dots, and values are always well-formed text), and they cannot be configured away: they are
 * in the SDK's sortParams / queryParamsToString. The spec wins: "percent-encode every key and value ... Sort by
 * key in byte order", and the canonical query is the exact string sent, so a verifier re-sorting the encoded
 * pairs it receives reproduces ours and not the SDK's.
 */
describe('known divergences of the official Signer, where signRequest follows the spec', () => {
  it('the SDK sorts RAW keys in UTF-16 order; the spec and we sort ENCODED keys in byte order', () => {
    const query = { Action: 'A', '[x]': '1', 名: '2', '😀': '3', '！': '4' };
    const ours = signRequest(baseInput(query)).canonicalQuery;
    const official = signWithOfficialSigner(baseInput(query)).canonicalQuery;

    // Same pairs, different order.
    expect(ours.split('&').sort()).toEqual(official.split('&').sort());
    expect(keyOrder(official)).toEqual(['Action', '[x]', '名', '😀', '！']);
    expect(keyOrder(ours)).toEqual(['[x]', '名', '！', '😀', 'Action']);

    // Ours is in byte order of the encoded keys, which is what the spec asks for.
    const encodedKeys = ours.split('&').map((pair) => pair.slice(0, pair.indexOf('=')));
    const byteSorted = [...encodedKeys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(encodedKeys).toEqual(byteSorted);
    expect(canonicalQueryString(Object.entries(query).reverse())).toBe(ours);
  });

  it('the SDK lets JavaScript reorder integer-like keys ("9" before "10"); bytes put "10" first', () => {
    const query = { Action: 'A', '10': 'ten', '9': 'nine' };
    expect(keyOrder(signWithOfficialSigner(baseInput(query)).canonicalQuery)).toEqual(['9', '10', 'Action']);
    expect(keyOrder(signRequest(baseInput(query)).canonicalQuery)).toEqual(['10', '9', 'Action']);
  });

  it('the SDK silently drops an empty key; signRequest refuses it rather than sign something else', () => {
    expect(signWithOfficialSigner(baseInput({ '': 'x', Action: 'A' })).canonicalQuery).toBe('Action=A');
    expect(() => signRequest(baseInput({ '': 'x', Action: 'A' }))).toThrow(TypeError);
  });

  it('the SDK silently sends an empty value for text with a lone surrogate; signRequest refuses it', () => {
    expect(signWithOfficialSigner(baseInput({ Action: 'A', InstanceName: 'ab\ud800' })).canonicalQuery).toBe(
      'Action=A&InstanceName=',
    );
    expect(() => signRequest(baseInput({ Action: 'A', InstanceName: 'ab\ud800' }))).toThrow(TypeError);
  });
});
