import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEcsSimulator } from '../../simulator/ecs-simulator';
import type { EcsSimulator } from '../../simulator/ecs-simulator';
import { createSignedClient, errorCodeOf, listParam, parseEnvelope } from './support/signed-client';
import type { OperationDetailJson, SignedClient } from './support/signed-client';
import { createTestFleet, ids, testCredentials } from './support/test-fleet';

describe('ECS simulator RebootInstances and RebootInstance', () => {
  let simulator: EcsSimulator;
  let client: SignedClient;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2025-06-01T00:00:00Z');
    simulator = await startEcsSimulator({
      credentials: [testCredentials],
      fleet: createTestFleet(),
      rebootDurationMs: 60_000,
      now: () => clock,
    });
    client = createSignedClient(simulator.port, { credentials: testCredentials, now: () => clock });
  });
  afterEach(() => simulator.close());

  const status = (instanceId: string) => simulator.fleet.findInstance('cn-beijing', instanceId)?.status;

  it('reboots RUNNING instances and reports the others per instance with HTTP 200', async () => {
    const reply = await client.ecs('RebootInstances', {
      ...listParam('InstanceIds', [ids.boundRunning, ids.boundStopped, ids.missing]),
      ForceStop: 'true',
    });
    expect(reply.status).toBe(200);
    const details = parseEnvelope<{ OperationDetails: OperationDetailJson[] }>(reply).Result?.OperationDetails;
    expect(details?.map((detail) => [detail.InstanceId, detail.Error?.Code ?? null])).toEqual([
      [ids.boundRunning, null],
      [ids.boundStopped, 'InvalidInstanceStatus'],
      [ids.missing, 'InvalidInstance.NotFound'],
    ]);
    expect(simulator.changeCounts()).toEqual(new Map([[ids.boundRunning, 1]]));
  });

  it('shows a rebooted instance REBOOTING until the reboot duration has passed, then RUNNING', async () => {
    await client.ecs('RebootInstances', listParam('InstanceIds', [ids.boundRunning]));
    expect(status(ids.boundRunning)).toBe('REBOOTING');
    const duringReboot = await client.ecs('DetachKeyPair', { ...listParam('InstanceIds', [ids.boundRunning]), KeyPairName: 'ops-key' });
    expect(parseEnvelope<{ OperationDetails: OperationDetailJson[] }>(duringReboot).Result?.OperationDetails[0]?.Error?.Code).toBe(
      'InvalidInstanceStatus',
    );
    clock = new Date(clock.getTime() + 60_000);
    await client.ecs('DescribeRegions');
    expect(status(ids.boundRunning)).toBe('RUNNING');
  });

  it('lets a test make an accepted reboot go wrong: one stays REBOOTING, one ends in ERROR, the request still succeeds', async () => {
    const [stuck, broken] = [ids.boundRunning, ids.boundToDev];
    simulator.setRebootTrouble([
      { instanceIds: [stuck], ending: 'stays-rebooting' },
      { instanceIds: [broken], ending: 'error' },
    ]);
    const reply = await client.ecs('RebootInstances', listParam('InstanceIds', [stuck, broken]));
    expect(parseEnvelope<{ OperationDetails: OperationDetailJson[] }>(reply).Result?.OperationDetails.map((detail) => detail.Error ?? null)).toEqual([null, null]);
    clock = new Date(clock.getTime() + 60_000);
    await client.ecs('DescribeRegions');
    expect([status(stuck), status(broken)]).toEqual(['REBOOTING', 'ERROR']);
    clock = new Date(clock.getTime() + 3_600_000);
    await client.ecs('DescribeRegions');
    expect(status(stuck)).toBe('REBOOTING');
    // Cleared, a reboot comes back as usual, after the duration set now.
    simulator.setRebootTrouble([]);
    simulator.setRebootDuration(1_000);
    simulator.fleet.updateInstance(broken, { status: 'RUNNING' });
    await client.ecs('RebootInstances', listParam('InstanceIds', [broken]));
    clock = new Date(clock.getTime() + 1_000);
    await client.ecs('DescribeRegions');
    expect(status(broken)).toBe('RUNNING');
  });

  it('refuses a ForceStop that is not true or false, and a missing InstanceIds', async () => {
    const badForceStop = await client.ecs('RebootInstances', { ...listParam('InstanceIds', [ids.boundRunning]), ForceStop: 'yes' });
    expect(badForceStop.status).toBe(400);
    expect(errorCodeOf(badForceStop)).toBe('InvalidArgument');
    const noIds = await client.ecs('RebootInstances');
    expect(errorCodeOf(noIds)).toBe('MissingParameter.InstanceIds');
    expect(simulator.changeCounts().size).toBe(0);
  });

  it('RebootInstance answers ResponseMetadata only on success', async () => {
    const reply = await client.ecs('RebootInstance', { InstanceId: ids.boundRunning });
    expect(reply.status).toBe(200);
    const envelope = parseEnvelope(reply);
    expect(envelope).not.toHaveProperty('Result');
    expect(envelope.ResponseMetadata.Error).toBeUndefined();
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
  });

  it('RebootInstance answers DryRunOperation for a passing dry run and changes nothing', async () => {
    const reply = await client.ecs('RebootInstance', { InstanceId: ids.boundRunning, DryRun: 'true' });
    expect(errorCodeOf(reply)).toBe('DryRunOperation');
    expect(simulator.changeCount(ids.boundRunning)).toBe(0);
    expect(status(ids.boundRunning)).toBe('RUNNING');
  });

  it('RebootInstance reports a missing instance, a stopped one and a missing InstanceId as request errors', async () => {
    const missing = await client.ecs('RebootInstance', { InstanceId: ids.missing });
    expect({ status: missing.status, code: errorCodeOf(missing) }).toEqual({ status: 404, code: 'InvalidInstance.NotFound' });
    const stopped = await client.ecs('RebootInstance', { InstanceId: ids.boundStopped });
    expect({ status: stopped.status, code: errorCodeOf(stopped) }).toEqual({ status: 400, code: 'InvalidInstanceStatus' });
    const absent = await client.ecs('RebootInstance');
    expect({ status: absent.status, code: errorCodeOf(absent) }).toEqual({ status: 400, code: 'MissingParameter' });
  });
});
