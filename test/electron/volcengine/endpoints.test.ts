import { describe, expect, it } from 'vitest';
import { resolveEcsEndpoint } from '../../../electron/volcengine/ecs-endpoint';
import { bootstrapRegions, defaultEndpointFor } from '../../../electron/volcengine/endpoints';

describe('the endpoint of a region', () => {
  it.each([
    ['cn-beijing-autodriving', 'ecs.cn-beijing-autodriving.volcengineapi.com'],
    ['ap-southeast-2', 'ecs.ap-southeast-2.volcengineapi.com'],
    ['ap-southeast-3', 'ecs.ap-southeast-3.volcengineapi.com'],
    ['cn-shanghai-autodriving', 'ecs.cn-shanghai-autodriving.volcengineapi.com'],
    ['cn-beijing-selfdrive', 'ecs.cn-beijing-selfdrive.volcengineapi.com'],
  ])('sends the bootstrap region %s to its own host, as the official SDKs do', (regionId, host) => {
    expect(defaultEndpointFor(regionId)).toBe(host);
  });

  it.each(['cn-beijing', 'cn-shanghai', 'cn-guangzhou', 'cn-hongkong', 'ap-southeast-1', 'a-region-not-yet-known'])(
    'sends %s to the shared open.volcengineapi.com',
    (regionId) => {
      expect(defaultEndpointFor(regionId)).toBe('open.volcengineapi.com');
    },
  );

  it('lists exactly the five bootstrap regions of the spec', () => {
    expect([...bootstrapRegions].sort()).toEqual(['ap-southeast-2', 'ap-southeast-3', 'cn-beijing-autodriving', 'cn-beijing-selfdrive', 'cn-shanghai-autodriving']);
  });

  it('goes over HTTPS to that host unless the profile names an endpoint, which wins for every region', () => {
    expect(resolveEcsEndpoint(undefined, 'ap-southeast-3').origin).toBe('https://ecs.ap-southeast-3.volcengineapi.com');
    expect(resolveEcsEndpoint(null, 'cn-beijing').origin).toBe('https://open.volcengineapi.com');
    expect(resolveEcsEndpoint('http://127.0.0.1:8555', 'ap-southeast-2').origin).toBe('http://127.0.0.1:8555');
    expect(resolveEcsEndpoint('https://gateway.example.com', 'cn-beijing-selfdrive').origin).toBe('https://gateway.example.com');
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => resolveEcsEndpoint('ftp://example.com', 'cn-beijing')).toThrow(/http\(s\) URL/);
  });
});
