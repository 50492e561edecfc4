import type { z } from 'zod';
import { AppError, type ValidationIssue } from '../../shared/errors/app-error';
import { invokeChannelNames, type InvokeChannel } from '../../shared/ipc/channel-names';
import { invokeContract } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import type { Logger } from '../logging/logger';
import type { IpcHandlers } from './handler-types';

export interface IpcDispatcher {
  /** Validates, runs the handler, validates the answer. Never throws and never rejects. */
  invoke(channel: unknown, payload: unknown): Promise<IpcResult<unknown>>;
}

const knownChannels: ReadonlySet<string> = new Set(invokeChannelNames);
const maxIssues = 20;

function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && knownChannels.has(channel);
}

/** Zod's issues, reduced to where and what: the offending value is never echoed back (it may be a secret). */
function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.slice(0, maxIssues).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, 200) || '(request)',
    message: issue.message.slice(0, 300),
  }));
}

/**
 * The one place requests from the renderer are checked and routed. Main's `ipcMain` registration and the browser
 * tests' bridge both go through it, so what the tests exercise is what ships.
 */
export function createIpcDispatcher(handlers: IpcHandlers, logger: Logger): IpcDispatcher {
  async function run<C extends InvokeChannel>(channel: C, payload: unknown): Promise<IpcResult<unknown>> {
    const spec = invokeContract[channel];
    const request = spec.request.safeParse(payload);
    if (!request.success) {
      const issues = toValidationIssues(request.error);
      logger.warn('ipc request rejected', { channel, issues: issues.length });
      return fail(new AppError('IPC_VALIDATION_FAILED', `Invalid request for ${channel}`, { issues }).toData());
    }
    const handler = handlers[channel] as (request: unknown) => unknown;
    let value: unknown;
    try {
      value = await handler(request.data);
    } catch (error) {
      if (error instanceof AppError) return fail(error.toData());
      // An unexpected exception's text may quote anything, so only its kind is logged and nothing is returned.
      logger.error('ipc handler failed', { channel, errorName: error instanceof Error ? error.name : typeof error });
      return fail({ code: 'INTERNAL', message: `The ${channel} request failed unexpectedly.` });
    }
    const response = spec.response.safeParse(value);
    if (!response.success) {
      logger.error('ipc handler answered outside the contract', { channel, issues: response.error.issues.length });
      return fail({ code: 'IPC_BAD_RESPONSE', message: `The ${channel} answer did not match the contract.` });
    }
    return ok(response.data);
  }

  return {
    async invoke(channel, payload) {
      if (!isInvokeChannel(channel)) {
        logger.warn('ipc request on an unknown channel');
        return fail({ code: 'IPC_UNKNOWN_CHANNEL', message: 'Unknown IPC channel.' });
      }
      return run(channel, payload);
    },
  };
}
