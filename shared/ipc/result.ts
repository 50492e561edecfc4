import { z } from 'zod';
import { appErrorSchema, type AppErrorData } from '../errors/app-error';

/** What every IPC call resolves to: errors are values, so the renderer never has to catch. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(error: AppErrorData): IpcResult<never> {
  return { ok: false, error };
}

/** The runtime schema of `IpcResult<T>` for a given value schema, used to validate answers before they leave main. */
export function ipcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: appErrorSchema }),
  ]);
}
