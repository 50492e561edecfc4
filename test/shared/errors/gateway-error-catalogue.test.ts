import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeEcsError, lookupEcsError } from '../../../shared/errors/ecs-error-catalogue';
import { ecsActionsTheAppCalls } from '../../../shared/errors/gateway-error-catalogue';

const actionsSource = readFileSync(fileURLToPath(new URL('../../../electron/volcengine/ecs-actions.ts', import.meta.url)), 'utf8');

describe('the gateway errors', () => {
  it('names, for LackPolicy, every action the client sends and nothing else', () => {
    const sent = new Set([...actionsSource.matchAll(/'((?:Describe|Detach|Attach|Reboot)[A-Za-z]+)'/g)].map((match) => match[1]));
    expect([...ecsActionsTheAppCalls].sort()).toEqual([...sent].sort());
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const text = describeEcsError('LackPolicy', locale).action;
      for (const action of ecsActionsTheAppCalls) expect(text).toContain(`ecs:${action}`);
      expect(text).toContain('ECSFullAccess');
    }
  });

  it('explains ServiceNotFound as an endpoint that does not serve the region, and retries InternalServiceTimeout only', () => {
    expect(describeEcsError('ServiceNotFound', 'en-US').action).toContain('ecs.<region>.volcengineapi.com');
    expect(describeEcsError('ServiceNotFound', 'zh-CN').action).toContain('接入地址');
    expect(lookupEcsError('ServiceNotFound').retryable).toBe(false);
    expect(lookupEcsError('LackPolicy').retryable).toBe(false);
    expect(lookupEcsError('InternalServiceTimeout').retryable).toBe(true);
  });
});
