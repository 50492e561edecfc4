import { describe, expect, it } from 'vitest';
import type { KeyPairRef } from '../../../../shared/domain/detachability';
import { buildInstanceIndex, buildRows } from '../../../../renderer/src/features/instances/instance-rows';
import { tagsTextOf } from '../../../../renderer/src/features/instances/instance-search';
import { deployKey, instance } from './instance-fixtures';

const rowFor = (overrides: Parameters<typeof instance>[0], keyPair: KeyPairRef | null = deployKey) => buildRows(buildInstanceIndex([instance(overrides)]), keyPair)[0]!;

describe('instance rows', () => {
  it('makes a running or stopped Linux instance bound to the chosen key pair selectable', () => {
    expect(rowFor({ instanceId: 'i-1', status: 'RUNNING' })).toMatchObject({ selectable: true, blocker: null });
    expect(rowFor({ instanceId: 'i-1', status: 'STOPPED' })).toMatchObject({ selectable: true, blocker: null });
  });

  it('blocks a Windows instance (no key pairs on Windows)', () => {
    expect(rowFor({ instanceId: 'i-1', osType: 'Windows' })).toMatchObject({ selectable: false, blocker: 'windows' });
  });

  it('blocks an instance whose status does not allow detaching', () => {
    expect(rowFor({ instanceId: 'i-1', status: 'STARTING' })).toMatchObject({ selectable: false, blocker: 'status' });
  });

  it('blocks an instance with no key pair bound', () => {
    expect(rowFor({ instanceId: 'i-1', keyPairName: null, keyPairId: null })).toMatchObject({ selectable: false, blocker: 'no-key' });
  });

  it('blocks an instance bound to another key pair', () => {
    expect(rowFor({ instanceId: 'i-1', keyPairName: 'other', keyPairId: 'kp-other' })).toMatchObject({ selectable: false, blocker: 'other-key' });
  });

  it('makes nothing selectable while no key pair is chosen, without inventing a reason', () => {
    expect(rowFor({ instanceId: 'i-1' }, null)).toMatchObject({ selectable: false, blocker: null });
  });

  it('keeps one lowercase search string per row, and shows tags compactly', () => {
    const row = rowFor({ instanceId: 'i-UP', instanceName: 'Mixed', tags: [{ key: 'Env', value: 'Prod' }, { key: 'solo', value: '' }] });
    expect(row.searchText).toBe(row.searchText.toLowerCase());
    expect(row.searchText).toContain('env=prod');
    expect(tagsTextOf(row.instance)).toBe('Env=Prod, solo');
  });
});
