import { describe, expect, it } from 'vitest';
import { describeAppError } from '../../../shared/errors/catalogue';
import type { AppErrorCode } from '../../../shared/errors/error-codes';

describe('describeAppError', () => {
  it('gives each known code its own words in both languages', () => {
    expect(describeAppError('DEMO_SIMULATOR_ONLY', 'en-US').title).toBe('The demo reaches only its simulated cloud');
    expect(describeAppError('DEMO_SIMULATOR_ONLY', 'zh-CN').title).toBe('演示只连接内置的模拟云');
  });

  it('reads a code this build does not know as an internal error instead of throwing', () => {
    const unknown = 'A_CODE_FROM_A_NEWER_MAIN' as AppErrorCode;
    expect(describeAppError(unknown, 'en-US')).toEqual(describeAppError('INTERNAL', 'en-US'));
    expect(describeAppError(unknown, 'zh-CN')).toEqual(describeAppError('INTERNAL', 'zh-CN'));
  });
});
