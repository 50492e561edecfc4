import { describe, expect, it } from 'vitest';
import { journalRecordSchema } from '../../../electron/journal/journal-records';
import { answered, failed, finished, planned, plannedPart, rechecked, sent, succeeded, sweepStarted, unknown } from './journal-fixtures';

const sweep = sweepStarted('sweep-1', [{ operationId: 'op-1' }, { operationId: 'op-2', profileId: 'profile-0002' }]);

const plan = planned('op-1', ['i-1', 'i-2', 'i-3']);

describe('journal records', () => {
  it.each([
    ['planned', plan],
    ['batch-sent', sent('op-1', 0)],
    ['batch-answered', answered('op-1', 0, [succeeded('i-1'), failed('i-2')])],
    ['rechecked', rechecked('op-1', [succeeded('i-3')])],
    ['finished', finished('op-1', 'cancelled')],
    ['sweep-started', sweep],
    ['planned sweep part', plannedPart('sweep-1', 'op-1', ['i-1'])],
    [
      'planned attach (an undo, over another key)',
      { ...plan, action: 'attach-key-pair', replacing: [{ instanceId: 'i-2', keyPairId: 'kp-dev', keyPairName: 'dev' }], undoOf: 'op-0' },
    ],
  ])('accepts a %s record as the operation service writes it', (_type, record) => {
    expect(journalRecordSchema.parse(record)).toEqual(record);
  });

  it.each([
    ['a secret beside the plan', { ...plan, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG' }],
    ['a signature inside the key pair', { ...plan, keyPair: { keyPairId: 'kp-ops', keyPairName: 'ops', signature: 'abc123' } }],
    ['a header inside a batch', { ...plan, batches: [{ ...plan.batches[0]!, authorization: 'HMAC-SHA256 Credential=…' }, plan.batches[1]!] }],
    ['headers inside an outcome error', { ...answered('op-1', 0, []), outcomes: [{ instanceId: 'i-1', status: 'failed', error: { code: 'X', message: 'm', headers: { Authorization: 'x' } } }] }],
    ['an extra field on a finished record', { ...finished('op-1'), sessionToken: 'token' }],
    ['a secret beside a sweep', { ...sweep, accessKeyId: 'AKLTsomething' }],
    ['a secret inside a sweep’s part', { ...sweep, parts: [{ ...sweep.parts[0]!, secretAccessKey: 'x' }] }],
  ])('rejects a record with %s: strict schemas leave a secret nowhere to go', (_what, record) => {
    const result = journalRecordSchema.safeParse(record);
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((issue) => issue.code === 'unrecognized_keys')).toBe(true);
  });

  it('rejects a plan whose batches do not hold exactly its instances in order, or reuse a ClientToken', () => {
    const missing = { ...plan, batches: plan.batches.slice(0, 1) };
    const reordered = { ...plan, instanceIds: ['i-3', 'i-2', 'i-1'] };
    const sameToken = { ...plan, batches: plan.batches.map((batch) => ({ ...batch, clientToken: 'same' })) };
    const misnumbered = { ...plan, batches: plan.batches.map((batch) => ({ ...batch, index: batch.index + 1 })) };
    for (const record of [missing, reordered, sameToken, misnumbered]) expect(journalRecordSchema.safeParse(record).success).toBe(false);
  });

  it('rejects a sweep that lists a part twice or none', () => {
    expect(journalRecordSchema.safeParse({ ...sweep, parts: [sweep.parts[0]!, sweep.parts[0]!] }).success).toBe(false);
    expect(journalRecordSchema.safeParse({ ...sweep, parts: [] }).success).toBe(false);
  });

  it('records only settled outcomes for a re-check: an unknown is not a settlement', () => {
    expect(journalRecordSchema.safeParse({ ...rechecked('op-1', [succeeded('i-1')]), outcomes: [unknown('i-1')] }).success).toBe(false);
  });

  it('rejects an unknown type and a time that is not ISO 8601 UTC', () => {
    expect(journalRecordSchema.safeParse({ ...finished('op-1'), type: 'deleted' }).success).toBe(false);
    expect(journalRecordSchema.safeParse({ ...finished('op-1'), at: 'yesterday' }).success).toBe(false);
  });
});
