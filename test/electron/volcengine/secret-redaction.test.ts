import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../../electron/volcengine/secret-redaction';

describe('redacting secrets from kept text', () => {
  it('removes each secret, verbatim and percent-encoded', () => {
    const secret = 'abc/def+ghi==';
    const text = `key=${secret} url=?k=${encodeURIComponent(secret)}`;
    const redacted = redactSecrets(text, [secret]);
    expect(redacted).not.toContain(secret);
    expect(redacted).not.toContain(encodeURIComponent(secret));
    expect(redacted).toBe('key=[redacted] url=?k=[redacted]');
  });

  it('removes anything shaped like a Volcengine Authorization header or signature, even unknown ones', () => {
    const header = 'HMAC-SHA256 Credential=AKLT/20250101/cn-beijing/ecs/request, SignedHeaders=host;x-date, Signature=deadbeefdeadbeefdeadbeefdeadbeef';
    expect(redactSecrets(`got "${header}" back`, [])).toBe('got "[redacted]" back');
    expect(redactSecrets('Signature=0123456789abcdef0123', [])).toBe('[redacted]');
  });

  it('leaves text without secrets alone and ignores secrets too short to search for', () => {
    expect(redactSecrets('all is well', ['a', ''])).toBe('all is well');
  });
});
