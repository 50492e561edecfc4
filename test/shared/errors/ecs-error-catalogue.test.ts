import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { locales } from '../../../shared/domain/locale';
import {
  describeEcsError,
  ecsErrorCatalogue,
  isKnownEcsErrorCode,
  lookupEcsError,
} from '../../../shared/errors/ecs-error-catalogue';
import { ecsApiErrorCodes, ecsClientErrorCodes } from '../../../shared/errors/ecs-error-codes';

const specPath = fileURLToPath(new URL('../../../electron/volcengine/volcengine-ecs-spec.md', import.meta.url));
const spec = readFileSync(specPath, 'utf8');

/**
 * The error codes the spec names, found where the spec names codes: table rows (`| <code> |` or
 * `| <status> | <code> |`), a code followed by its HTTP status (`` `Code` (401) ``, also `` `A` / `B` (403 ``),
 * and "the error code `X`".
 */
function errorCodesNamedInSpec(text: string): Set<string> {
  const code = '`([A-Z][A-Za-z]+(?:\\.[A-Z][A-Za-z]+)*)`';
  const patterns = [
    new RegExp(`^\\|\\s*${code}\\s*\\|`, 'gm'),
    new RegExp(`^\\|\\s*\\d{3}\\s*\\|\\s*${code}\\s*\\|`, 'gm'),
    new RegExp(`${code}\\s*\\(\\d{3}`, 'g'),
    new RegExp(`${code}\\s*/\\s*\`[A-Za-z.]+\`\\s*\\(\\d{3}`, 'g'),
    new RegExp(`\`[A-Za-z.]+\`\\s*/\\s*${code}\\s*\\(\\d{3}`, 'g'),
    new RegExp(`error\\s+code\\s+${code}`, 'g'),
  ];
  const found = new Set<string>();
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) if (match[1]) found.add(match[1]);
  // The signing errors' bullet names every code of its list, some (InvalidTimestamp) with a status explained in words.
  const signingErrors = /^- Server errors for signing:[\s\S]*?(?=^- |^## )/m.exec(text)?.[0] ?? '';
  for (const match of signingErrors.matchAll(new RegExp(code, 'g'))) if (match[1]) found.add(match[1]);
  return found;
}

describe('ECS error catalogue', () => {
  const specCodes = errorCodesNamedInSpec(spec);

  it('finds the spec codes it is meant to find (the parser itself works)', () => {
    for (const sample of ['InvalidTimestamp', 'LackPolicy', 'InternalServiceTimeout', 'SignatureDoesNotMatch', 'InvalidInstance.NotFound', 'IdempotentProcessing', 'DryRunOperation', 'AccessDenied', 'LackProjectPolicy', 'LimitExceeded.MaximumRegionIds']) {
      expect(specCodes).toContain(sample);
    }
    expect(specCodes.size).toBeGreaterThanOrEqual(28);
  });

  it('explains every error code named in the spec', () => {
    const missing = [...specCodes].filter((code) => !isKnownEcsErrorCode(code));
    expect(missing).toEqual([]);
  });

  it('lists exactly the spec codes as Volcengine codes, so the list cannot drift from the spec', () => {
    expect([...ecsApiErrorCodes].sort()).toEqual([...specCodes].sort());
  });

  it('has an entry for every Volcengine code and every client code, and nothing else', () => {
    expect(Object.keys(ecsErrorCatalogue).sort()).toEqual([...ecsApiErrorCodes, ...ecsClientErrorCodes].sort());
  });

  it.each(Object.keys(ecsErrorCatalogue))('gives %s a title and an action in both languages', (code) => {
    const entry = lookupEcsError(code);
    for (const locale of locales) {
      expect(entry.text[locale].title.trim()).not.toBe('');
      expect(entry.text[locale].action.trim()).not.toBe('');
    }
    // Chinese text that is really English would pass the emptiness check; require Han characters.
    expect(entry.text['zh-CN'].title + entry.text['zh-CN'].action).toMatch(/\p{Script=Han}/u);
    expect(entry.text['en-US'].title + entry.text['en-US'].action).not.toMatch(/\p{Script=Han}/u);
  });

  it('marks transient conditions retryable and permanent ones not', () => {
    expect(lookupEcsError('FlowLimitExceeded').retryable).toBe(true);
    expect(lookupEcsError('InternalError').retryable).toBe(true);
    expect(lookupEcsError('IdempotentProcessing').retryable).toBe(true);
    expect(lookupEcsError('ECS_NETWORK_TIMEOUT').retryable).toBe(true);
    expect(lookupEcsError('SignatureDoesNotMatch').retryable).toBe(false);
    expect(lookupEcsError('AccessDenied').retryable).toBe(false);
    expect(lookupEcsError('ECS_NETWORK_TLS').retryable).toBe(false);
  });

  it('describes an unknown code with a generic entry that still shows the raw code', () => {
    expect(isKnownEcsErrorCode('InvalidKeyPair.NotBound')).toBe(false);
    const entry = lookupEcsError('InvalidKeyPair.NotBound');
    expect(entry.retryable).toBe(false);
    expect(describeEcsError('InvalidKeyPair.NotBound', 'en-US').title).toContain('InvalidKeyPair.NotBound');
    expect(describeEcsError('InvalidKeyPair.NotBound', 'zh-CN').title).toContain('InvalidKeyPair.NotBound');
    expect(describeEcsError('InvalidKeyPair.NotBound', 'zh-CN').action).not.toBe('');
  });

  it('does not mistake inherited object keys for codes', () => {
    for (const code of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(isKnownEcsErrorCode(code)).toBe(false);
      expect(describeEcsError(code, 'en-US').title).toContain(code);
    }
  });
});
