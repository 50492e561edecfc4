import { describe, expect, it, vi } from 'vitest';
import { createIpcDispatcher } from '../../../electron/ipc/dispatcher';
import { invokeChannelNames } from '../../../shared/ipc/channel-names';
import type { IpcHandlers } from '../../../electron/ipc/handler-types';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { AppError } from '../../../shared/errors/app-error';
import { defaultSettings } from '../../../shared/domain/settings';

/** Handlers for every channel; the ones a test does not care about fail loudly if called. */
function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const unused = Object.fromEntries(
    invokeChannelNames.map((channel) => [
      channel,
      () => {
        throw new Error(`${channel} is not used in this test`);
      },
    ]),
  ) as unknown as IpcHandlers;
  return {
    ...unused,
    'app.getInfo': () => ({ name: 'KeyPair Desk', version: '1.0.0', platform: 'linux', osLanguages: ['en-US'], demoMode: false }),
    'settings.get': () => defaultSettings,
    'settings.update': (patch) => ({ ...defaultSettings, ...patch }),
    'keychain.getStatus': () => ({ available: true, backend: 'secret-service' }),
    ...overrides,
  };
}

describe('IPC dispatcher', () => {
  it('passes a valid request to its handler and returns the value', async () => {
    const update = vi.fn((patch: object) => ({ ...defaultSettings, ...patch }));
    const dispatcher = createIpcDispatcher(handlers({ 'settings.update': update }), createMemoryLogger());
    expect(await dispatcher.invoke('settings.update', { language: 'zh-CN' })).toEqual({
      ok: true,
      value: { ...defaultSettings, language: 'zh-CN' },
    });
    expect(update).toHaveBeenCalledWith({ language: 'zh-CN' });
  });

  it.each([
    ['a wrong type', 'settings.update', { language: 42 }, 'language'],
    ['a value outside the enum', 'settings.update', { theme: 'purple' }, 'theme'],
    ['an unknown field', 'settings.update', { language: 'en-US', secretAccessKey: 'x' }, '(request)'],
    ['an oversize string', 'settings.update', { language: 'x'.repeat(1_000_000) }, 'language'],
    ['an array instead of an object', 'settings.update', [1, 2, 3], '(request)'],
    ['null', 'settings.update', null, '(request)'],
    ['a payload on a channel that takes none', 'app.getInfo', { anything: true }, '(request)'],
  ])('rejects %s with a typed validation error and never calls the handler', async (_name, channel, payload, path) => {
    const spy = vi.fn();
    const dispatcher = createIpcDispatcher(
      handlers({ 'settings.update': spy, 'app.getInfo': spy }),
      createMemoryLogger(),
    );
    const result = await dispatcher.invoke(channel, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IPC_VALIDATION_FAILED');
    expect(result.error.issues?.map((issue) => issue.path)).toContain(path);
    expect(spy).not.toHaveBeenCalled();
  });

  it('never echoes the rejected value back', async () => {
    const dispatcher = createIpcDispatcher(handlers(), createMemoryLogger());
    const result = await dispatcher.invoke('settings.update', { language: 'SECRET-VALUE-123', note: 'SECRET-NOTE' });
    expect(JSON.stringify(result)).not.toContain('SECRET-VALUE-123');
    expect(JSON.stringify(result)).not.toContain('SECRET-NOTE"');
  });

  it.each([undefined, 42, 'no.such', 'kpd:settings.get', '__proto__', 'constructor', 'toString'])(
    'answers the unknown channel %s with IPC_UNKNOWN_CHANNEL',
    async (channel) => {
      const dispatcher = createIpcDispatcher(handlers(), createMemoryLogger());
      expect(await dispatcher.invoke(channel, undefined)).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
    },
  );

  it('returns an AppError thrown by a handler as data', async () => {
    const dispatcher = createIpcDispatcher(
      handlers({
        'keychain.getStatus': () => {
          throw new AppError('KEYCHAIN_LOCKED', 'Keychain read failed: KEYCHAIN_LOCKED');
        },
      }),
      createMemoryLogger(),
    );
    expect(await dispatcher.invoke('keychain.getStatus', undefined)).toEqual({
      ok: false,
      error: { code: 'KEYCHAIN_LOCKED', message: 'Keychain read failed: KEYCHAIN_LOCKED' },
    });
  });

  it('hides an unexpected exception behind INTERNAL, in the answer and in the log', async () => {
    const logger = createMemoryLogger();
    const dispatcher = createIpcDispatcher(
      handlers({
        'settings.get': () => {
          throw new Error('ENOENT while reading secret sk-LEAKED-IN-MESSAGE');
        },
      }),
      logger,
    );
    const result = await dispatcher.invoke('settings.get', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('LEAKED');
    expect(logger.lines.join('\n')).not.toContain('LEAKED');
    expect(logger.lines.join('\n')).toContain('settings.get');
  });

  it('refuses to send an answer that breaks the contract', async () => {
    const dispatcher = createIpcDispatcher(
      handlers({ 'settings.get': () => ({ ...defaultSettings, secretAccessKey: 'leak' }) as never }),
      createMemoryLogger(),
    );
    const result = await dispatcher.invoke('settings.get', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_BAD_RESPONSE' } });
    expect(JSON.stringify(result)).not.toContain('leak');
  });
});
