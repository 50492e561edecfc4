import { createEcsClient, type EcsClientOptions } from '../../electron/volcengine/ecs-client';
import type { EcsSimulatorOptions } from '../../simulator/ecs-simulator';
import { startAppUnderTest, type AppUnderTest, type AppUnderTestCoreOptions } from '../electron/support/app-under-test';

/**
 * The whole main-process core against a real simulator, driven through the renderer's `window.api`
 * (test/electron/support/app-under-test.ts), with some ECS client options pinned (the baselines' page size).
 */
export function startBenchCore(
  simulatorOptions: Omit<EcsSimulatorOptions, 'credentials'>,
  clientOptions: Partial<Omit<EcsClientOptions, 'retry'>> = {},
  coreOptions: Omit<AppUnderTestCoreOptions, 'createEcsClient'> = {},
): Promise<AppUnderTest> {
  return startAppUnderTest(simulatorOptions, {
    ...coreOptions,
    createEcsClient: (dependencies) => createEcsClient({ ...dependencies, options: { ...dependencies.options, ...clientOptions } }),
  });
}
