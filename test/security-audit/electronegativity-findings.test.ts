import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { exceptionsFileSchema, generatedFolders, isAuditedSource, reconcileFindings, type Finding, type FindingException } from '../../security-audit/electronegativity-findings';

const finding = (overrides: Partial<Finding>): Finding => ({
  check: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'electron/main.ts',
  line: 12,
  sample: 'shell.openExternal(url)',
  severity: 'MEDIUM',
  confidence: 'TENTATIVE',
  description: 'Review the use of openExternal',
  ...overrides,
});
const because = 'A reason long enough to say why this finding is not a risk here.';

describe('reconcileFindings', () => {
  it('justifies a finding by its check and file, whatever line it moved to', () => {
    const exception: FindingException = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main.ts', reason: because, evidence: ['x'] };
    const result = reconcileFindings([finding({ line: 99 })], [exception]);
    expect(result).toEqual({ justified: [{ finding: finding({ line: 99 }), exception }], open: [], stale: [] });
  });

  it('leaves open a finding in another file, of another check, or on another line of code', () => {
    const exception: FindingException = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main.ts', sampleContains: 'openExternal(url)', reason: because, evidence: ['x'] };
    const others = [finding({ file: 'electron/other.ts' }), finding({ check: 'AUXCLICK_JS_CHECK' }), finding({ sample: 'shell.openExternal(link)' })];
    const result = reconcileFindings(others, [exception]);
    expect(result.open).toEqual(others);
    expect(result.stale).toEqual([exception]);
  });

  it('reports an exception that no finding needs any more as stale', () => {
    const exception: FindingException = { check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: because, evidence: ['x'] };
    expect(reconcileFindings([], [exception]).stale).toEqual([exception]);
  });
});

describe('security-audit/electronegativity-exceptions.json', () => {
  it('gives every exception and every excluded check a reason and its evidence', async () => {
    const file = JSON.parse(await readFile(new URL('../../security-audit/electronegativity-exceptions.json', import.meta.url), 'utf8')) as unknown;
    expect(() => exceptionsFileSchema.parse(file)).not.toThrow();
  });

  it('refuses an exception without a real reason', () => {
    const file = { excludedChecks: [], exceptions: [{ check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'fine', evidence: ['x'] }] };
    expect(exceptionsFileSchema.safeParse(file).success).toBe(false);
  });
});

describe('isAuditedSource', () => {
  it('audits the sources and leaves out what the build and the tests write', () => {
    expect(isAuditedSource('electron/main.ts')).toBe(true);
    expect(isAuditedSource('renderer/src/app/app.tsx')).toBe(true);
    expect(isAuditedSource('package.json')).toBe(true);
    expect(isAuditedSource('dist/renderer/assets/index-Qbctwg8R.js')).toBe(false);
    expect(isAuditedSource('release/linux-unpacked/resources/app.asar')).toBe(false);
    // A source folder merely named like one is still audited.
    expect(isAuditedSource('renderer/dist/x.ts')).toBe(true);
  });

  it('leaves out only folders git ignores, so no source can hide in one', async () => {
    const ignored = (await readFile('.gitignore', 'utf8')).split('\n').map((line) => line.trim());
    for (const folder of generatedFolders) expect(ignored).toContain(folder);
  });
});
