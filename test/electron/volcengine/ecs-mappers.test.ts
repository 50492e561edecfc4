import { describe, expect, it } from 'vitest';
import { instanceSchema, keyPairSchema } from '../../../shared/domain/ecs';
import { toInstance, toKeyPair } from '../../../electron/volcengine/ecs-mappers';
import { wireInstanceSchema, wireKeyPairSchema } from '../../../electron/volcengine/ecs-wire-schemas';

describe('mapping wire instances to domain instances', () => {
  it('turns empty strings into null, picks the primary interface and parses timestamps', () => {
    const wire = wireInstanceSchema.parse({
      InstanceId: 'i-1',
      KeyPairName: '',
      KeyPairId: '',
      NetworkInterfaces: [
        { PrimaryIpAddress: '10.0.0.9', Type: 'secondary' },
        { PrimaryIpAddress: '10.0.0.2', Type: 'primary' },
      ],
      EipAddress: { IpAddress: '' },
      Cpus: '4',
      MemorySize: 8192,
      CreatedAt: '2021-06-29 18:07:50+08:00',
      ExpiredAt: '',
    });
    expect(toInstance(wire)).toMatchObject({
      instanceId: 'i-1',
      keyPairName: null,
      keyPairId: null,
      privateIp: '10.0.0.2',
      publicIp: null,
      cpus: 4,
      memorySizeMiB: 8192,
      createdAt: '2021-06-29T10:07:50.000Z',
      expiredAt: null,
      instanceName: '',
    });
  });

  it('falls back to the first interface and survives missing or odd fields', () => {
    const wire = wireInstanceSchema.parse({ InstanceId: 'i-2', NetworkInterfaces: [{ PrimaryIpAddress: '10.0.0.3' }], Cpus: -1, Tags: [{ Key: '' }, { Key: 'k' }] });
    const instance = toInstance(wire);
    expect(instance).toMatchObject({ privateIp: '10.0.0.3', cpus: null, tags: [{ key: 'k', value: '' }], createdAt: null });
    expect(instanceSchema.safeParse(instance).success).toBe(true);
  });

  it('clips oversized text to the domain bounds so the list still crosses IPC', () => {
    const instance = toInstance(wireInstanceSchema.parse({ InstanceId: 'i-3', Description: 'x'.repeat(5_000), InstanceName: 'n'.repeat(400) }));
    expect(instance.description).toHaveLength(2_000);
    expect(instanceSchema.safeParse(instance).success).toBe(true);
  });

  it('maps key pairs, keeping both timestamp formats', () => {
    const keyPair = toKeyPair(wireKeyPairSchema.parse({ KeyPairId: 'kp-1', KeyPairName: 'ops', FingerPrint: 'aa:bb', CreatedAt: '2024-01-02T03:04:05Z', UpdatedAt: '2024-01-02T11:04:05+08:00' }));
    expect(keyPair).toMatchObject({ keyPairId: 'kp-1', keyPairName: 'ops', fingerprint: 'aa:bb', createdAt: '2024-01-02T03:04:05.000Z', updatedAt: '2024-01-02T03:04:05.000Z' });
    expect(keyPairSchema.safeParse(keyPair).success).toBe(true);
  });

  it('reads Hostname when HostName is absent or empty (the Go SDK\'s model has both), and prefers HostName', () => {
    expect(toInstance(wireInstanceSchema.parse({ InstanceId: 'i-h1', Hostname: 'web-1' })).hostName).toBe('web-1');
    expect(toInstance(wireInstanceSchema.parse({ InstanceId: 'i-h2', HostName: '', Hostname: 'web-2' })).hostName).toBe('web-2');
    expect(toInstance(wireInstanceSchema.parse({ InstanceId: 'i-h3', HostName: 'web-3', Hostname: 'other' })).hostName).toBe('web-3');
    expect(toInstance(wireInstanceSchema.parse({ InstanceId: 'i-h4' })).hostName).toBe('');
  });
});
