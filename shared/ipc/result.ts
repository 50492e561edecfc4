import type { AppErrorData } from '../errors/app-error';

/** What every IPC call resolves to: errors are values, so the renderer never has to catch. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(error: AppErrorData): IpcResult<never> {
  return { ok: false, error };
}
