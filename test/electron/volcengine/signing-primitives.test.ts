import { describe, expect, it } from 'vitest';
import {
  authorizationHeader,
  canonicalQueryString,
  canonicalRequest,
  credentialScope,
  deriveSigningKey,
  emptyBodySha256,
  formatXDate,
  normalizeSignedHeaderNames,
  percentEncode,
  sha256Hex,
  signatureHex,
  stringToSign,
} from '../../../electron/volcengine/signing-primitives';
import { createSeededRandom } from '../../../simulator/seeded-random';

/** An independent encoder working on UTF-8 bytes, to check percentEncode against something that is not itself. */
function referencePercentEncode(value: string): string {
  let encoded = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

describe('percentEncode', () => {
  it.each([
    [' ', '%20'],
    ['*', '%2A'],
    ['~', '~'],
    ['+', '%2B'],
    ['/', '%2F'],
    ['=', '%3D'],
    ['&', '%26'],
    ['%', '%25'],
    ['!', '%21'],
    ["'", '%27'],
    ['(', '%28'],
    [')', '%29'],
    ['?', '%3F'],
    ['#', '%23'],
    ['\n', '%0A'],
    ['\u0000', '%00'],
    ['é', '%C3%A9'],
    ['测试', '%E6%B5%8B%E8%AF%95'],
    ['😀', '%F0%9F%98%80'],
    ['👩‍💻', '%F0%9F%91%A9%E2%80%8D%F0%9F%92%BB'],
    ['\u{10ffff}', '%F4%8F%BF%BF'],
    ['', ''],
  ])('encodes %j as %s', (raw, encoded) => {
    expect(percentEncode(raw)).toBe(encoded);
  });

  it('leaves exactly A-Z a-z 0-9 - _ . ~ literal among all 128 ASCII characters, uppercase hex for the rest', () => {
    for (let code = 0; code < 128; code += 1) {
      const char = String.fromCharCode(code);
      const expected = /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
      expect(percentEncode(char), `character code ${code}`).toBe(expected);
    }
  });

  it('never writes "+" for a space, even among other text', () => {
    expect(percentEncode('my server name')).toBe('my%20server%20name');
  });

  it('agrees with a byte-by-byte UTF-8 encoder and round-trips through decodeURIComponent on random text', () => {
    const random = createSeededRandom(20210611);
    for (let sample = 0; sample < 500; sample += 1) {
      let text = '';
      const length = random.int(0, 20);
      for (let index = 0; index < length; index += 1) {
        // Any scalar value: skip the surrogate block, which has no UTF-8 form on its own.
        let codePoint = random.int(0, 0x10ffff - 0x800);
        if (codePoint >= 0xd800) codePoint += 0x800;
        text += String.fromCodePoint(codePoint);
      }
      const encoded = percentEncode(text);
      expect(encoded).toBe(referencePercentEncode(text));
      expect(decodeURIComponent(encoded)).toBe(text);
    }
  });

  it('refuses a lone surrogate instead of sending some other text, and keeps the value out of the message', () => {
    expect(() => percentEncode('secret-name\ud800')).toThrow(TypeError);
    expect(() => percentEncode('\udc00')).toThrow(/lone surrogate/);
    expect(() => percentEncode('secret-name\ud800')).not.toThrow(/secret-name/);
  });
});

describe('canonicalQueryString', () => {
  it('sorts keys by their bytes, so InstanceIds.1 < InstanceIds.10 < InstanceIds.2', () => {
    const query = { 'InstanceIds.2': 'b', 'InstanceIds.10': 'j', 'InstanceIds.1': 'a' };
    expect(canonicalQueryString(query)).toBe('InstanceIds.1=a&InstanceIds.10=j&InstanceIds.2=b');
  });

  it('sorts uppercase before lowercase, as bytes do', () => {
    expect(canonicalQueryString({ action: '2', Version: '3', Action: '1' })).toBe('Action=1&Version=3&action=2');
  });

  it('sorts by the ENCODED key: a percent-encoded character sorts before any letter or digit', () => {
    // Raw, "[" (0x5B) sorts after "A" (0x41); encoded, "%5B" starts with "%" (0x25) and sorts first.
    expect(canonicalQueryString({ A: '1', '[': '2' })).toBe('%5B=2&A=1');
    // Raw UTF-16 puts the emoji (0xD83D...) before the full-width "！" (0xFF01); their UTF-8 bytes are F0.. > EF..
    expect(canonicalQueryString({ '😀': '1', '！': '2' })).toBe('%EF%BC%81=2&%F0%9F%98%80=1');
  });

  it('keeps empty values as "key="', () => {
    const query = { KeyPairName: '', Action: 'DetachKeyPair' };
    expect(canonicalQueryString(query)).toBe('Action=DetachKeyPair&KeyPairName=');
  });

  it('encodes keys and values, including reserved characters, CJK and emoji', () => {
    expect(canonicalQueryString({ 'Tag Key*': 'a=b&c', InstanceName: '测试 😀+~' })).toBe(
      'InstanceName=%E6%B5%8B%E8%AF%95%20%F0%9F%98%80%2B~&Tag%20Key%2A=a%3Db%26c',
    );
  });

  it('accepts pairs, ordering a repeated key by its encoded value', () => {
    const pairs = [
      ['b', '2'],
      ['a', 'z'],
      ['a', ' '],
      ['a', 'y'],
    ] as const;
    expect(canonicalQueryString(pairs)).toBe('a=%20&a=y&a=z&b=2');
  });

  it('is empty for an empty query', () => {
    expect(canonicalQueryString({})).toBe('');
    expect(canonicalQueryString([])).toBe('');
  });
});

describe('formatXDate', () => {
  it('formats as YYYYMMDDTHHMMSSZ in UTC', () => {
    expect(formatXDate(new Date('2021-06-11T14:45:10Z'))).toBe('20210611T144510Z');
  });

  it('uses UTC whatever offset the date was written with', () => {
    expect(formatXDate(new Date('2021-06-12T00:15:10+08:00'))).toBe('20210611T161510Z');
  });

  it('drops milliseconds rather than rounding up into the next second', () => {
    expect(formatXDate(new Date('2021-12-31T23:59:59.999Z'))).toBe('20211231T235959Z');
  });

  it('pads every field with zeros', () => {
    expect(formatXDate(new Date(Date.UTC(2001, 0, 2, 3, 4, 5)))).toBe('20010102T030405Z');
    expect(formatXDate(new Date(Date.UTC(999, 0, 1, 0, 0, 0)))).toBe('09990101T000000Z');
  });

  it('refuses an invalid Date and years that do not fit four digits', () => {
    expect(() => formatXDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatXDate(new Date(Date.UTC(10000, 0, 1)))).toThrow(RangeError);
    expect(() => formatXDate(new Date(Date.UTC(-1, 0, 1)))).toThrow(RangeError);
  });
});

describe('sha256Hex', () => {
  it('hashes the empty body to the published constant', () => {
    expect(sha256Hex('')).toBe(emptyBodySha256);
    expect(sha256Hex(new Uint8Array())).toBe(emptyBodySha256);
  });

  it('hashes a string as its UTF-8 bytes', () => {
    expect(sha256Hex('测试😀')).toBe(sha256Hex(Buffer.from('测试😀', 'utf8')));
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('canonicalRequest', () => {
  const base = {
    method: 'GET',
    path: '/',
    canonicalQuery: 'Action=DescribeRegions&Version=2020-04-01',
    bodySha256: emptyBodySha256,
  };

  it('lowercases and sorts signed header names whatever case and order they come in', () => {
    const text = canonicalRequest({
      ...base,
      headers: { 'X-DATE': '20210611T144510Z', host: 'open.volcengineapi.com', 'x-content-SHA256': emptyBodySha256 },
      signedHeaders: ['x-Date', 'HOST', 'X-Content-Sha256'],
    });
    expect(text).toBe(
      'GET\n/\nAction=DescribeRegions&Version=2020-04-01\n' +
        `host:open.volcengineapi.com\nx-content-sha256:${emptyBodySha256}\nx-date:20210611T144510Z\n\n` +
        `host;x-content-sha256;x-date\n${emptyBodySha256}`,
    );
  });

  it('trims values and collapses inner whitespace runs to one space, as the official signer does', () => {
    const text = canonicalRequest({
      ...base,
      headers: { 'X-Trace': ' \t a   b\t\tc \n', Host: 'h' },
      signedHeaders: ['x-trace', 'host'],
    });
    expect(text).toContain('\nhost:h\nx-trace:a b c\n\nhost;x-trace\n');
  });

  it('leaves unsigned headers out', () => {
    const text = canonicalRequest({ ...base, headers: { Host: 'h', 'User-Agent': 'ua' }, signedHeaders: ['host'] });
    expect(text).not.toContain('user-agent');
  });

  it('uppercases the method as the official signer does', () => {
    const text = canonicalRequest({ ...base, method: 'get', headers: { Host: 'h' }, signedHeaders: ['host'] });
    expect(text.startsWith('GET\n/\n')).toBe(true);
  });

  it('signs a header with an empty value as "name:"', () => {
    const headers = { Host: 'h', 'X-Empty': '' };
    const text = canonicalRequest({ ...base, headers, signedHeaders: ['host', 'x-empty'] });
    expect(text).toContain('\nhost:h\nx-empty:\n\n');
  });

  it('refuses a signed header that is missing', () => {
    expect(() => canonicalRequest({ ...base, headers: { Host: 'h' }, signedHeaders: ['host', 'x-date'] })).toThrow(
      /x-date/,
    );
  });

  it('refuses two header spellings that differ only in case, whose value to sign would be ambiguous', () => {
    expect(() => canonicalRequest({ ...base, headers: { Host: 'a', host: 'b' }, signedHeaders: ['host'] })).toThrow(
      TypeError,
    );
  });
});

describe('scope, string to sign, signing key, signature, Authorization', () => {
  it('writes the credential scope as <date>/<region>/<service>/request', () => {
    expect(credentialScope('20210611', 'cn-beijing', 'ecs')).toBe('20210611/cn-beijing/ecs/request');
  });

  it('hashes the canonical request into the string to sign', () => {
    expect(stringToSign('20210611T144510Z', '20210611/cn-beijing/ecs/request', 'abc')).toBe(
      'HMAC-SHA256\n20210611T144510Z\n20210611/cn-beijing/ecs/request\n' +
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('derives a key that changes with each of secret, date, region and service', () => {
    const key = deriveSigningKey('sk', '20210611', 'cn-beijing', 'ecs').toString('hex');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(deriveSigningKey('sk2', '20210611', 'cn-beijing', 'ecs').toString('hex')).not.toBe(key);
    expect(deriveSigningKey('sk', '20210612', 'cn-beijing', 'ecs').toString('hex')).not.toBe(key);
    expect(deriveSigningKey('sk', '20210611', 'cn-shanghai', 'ecs').toString('hex')).not.toBe(key);
    expect(deriveSigningKey('sk', '20210611', 'cn-beijing', 'vpc').toString('hex')).not.toBe(key);
  });

  it('signs with a lowercase hex HMAC-SHA256', () => {
    // RFC 4231 test case 2.
    expect(signatureHex(Buffer.from('Jefe'), 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('lists signed headers lowercased and sorted in the Authorization header', () => {
    const scope = '20210611/cn-beijing/ecs/request';
    expect(authorizationHeader('AK', scope, ['X-Date', 'Host', 'X-Security-Token'], 'ab')).toBe(
      `HMAC-SHA256 Credential=AK/${scope}, SignedHeaders=host;x-date;x-security-token, Signature=ab`,
    );
  });

  it('normalizes signed header names the same way for the canonical request and the Authorization header', () => {
    expect(normalizeSignedHeaderNames(['X-Date', 'host', 'X-Content-Sha256'])).toEqual([
      'host',
      'x-content-sha256',
      'x-date',
    ]);
  });
});
