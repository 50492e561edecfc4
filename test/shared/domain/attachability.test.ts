import { describe, expect, it } from 'vitest';
import { attachBlocker, undoBlocker } from '../../../shared/domain/attachability';
import { hasKey } from '../../../shared/domain/detachability';
import { exclusionReasons } from '../../../shared/domain/exclusion-reasons';

const key = { keyPairId: 'kp-ops', keyPairName: 'ops' };
const facts = (patch: Partial<{ osType: string; status: string; keyPairId: string | null; keyPairName: string | null }> = {}) => ({
  osType: 'Linux',
  status: 'RUNNING',
  keyPairId: null,
  keyPairName: null,
  ...patch,
});

describe('attach and undo blockers', () => {
  it('knows a key by its ID when the instance has one, else by its name', () => {
    expect(hasKey(facts({ keyPairId: 'kp-ops', keyPairName: 'renamed' }), key)).toBe(true);
    expect(hasKey(facts({ keyPairId: 'kp-other', keyPairName: 'ops' }), key)).toBe(false);
    expect(hasKey(facts({ keyPairName: 'ops' }), key)).toBe(true);
    expect(hasKey(facts(), key)).toBe(false);
  });

  it('lets an attach take a Linux RUNNING or STOPPED instance, with no key or another one (a rotation)', () => {
    expect(attachBlocker(facts(), key)).toBeNull();
    expect(attachBlocker(facts({ status: 'STOPPED', keyPairId: 'kp-dev', keyPairName: 'dev' }), key)).toBeNull();
    expect(attachBlocker(facts({ osType: 'Windows' }), key)).toBe('windows');
    expect(attachBlocker(facts({ status: 'STARTING' }), key)).toBe('status');
    expect(attachBlocker(facts({ ...key, status: 'STOPPING' }), key)).toBe('already-bound');
  });

  it('never lets an undo overwrite a key bound since the detach', () => {
    expect(undoBlocker(facts(), key)).toBeNull();
    expect(undoBlocker(facts({ keyPairId: 'kp-dev', keyPairName: 'dev' }), key)).toBe('other-key');
    expect(undoBlocker(facts({ keyPairName: 'dev' }), key)).toBe('other-key');
    expect(undoBlocker(facts(key), key)).toBe('already-bound');
    expect(undoBlocker(facts({ osType: 'windows' }), key)).toBe('windows');
  });

  it('gives only reasons the plan schema knows', () => {
    expect(exclusionReasons).toEqual(expect.arrayContaining(['windows', 'status', 'already-bound', 'other-key', 'not-found', 'not-in-inventory']));
  });
});
