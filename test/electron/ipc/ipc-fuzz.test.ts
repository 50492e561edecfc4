import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeChannelNames, type InvokeChannel } from '../../../shared/ipc/channel-names';
import { invokeContract } from '../../../shared/ipc/contract';
import { startAppUnderTest, type AppUnderTest } from '../support/app-under-test';
import { validRequests } from './valid-requests';

/**
 * Thousands of random and malformed payloads on every channel, through the real core's dispatcher: none may crash
 * it, reject, leave a promise unhandled, reach a handler, or come back in the answer. Payloads are what the
 * structured clone of Electron's IPC can carry (no functions or symbols): primitives, odd numbers, big integers,
 * dates, maps, sets, typed arrays, null-prototype objects, `__proto__` keys, deep nesting and huge strings.
 */

const marker = 'FUZZ-MARKER-7f3a';
const runsPerChannel = 1000;
// Built once: generating them character by character on every run would make the fuzzer slow, not thorough.
const hugeString = marker + 'x'.repeat(70_000);
const hugeArray = Array.from({ length: 200_001 }, () => marker);

const cloneable = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withUnicodeString: true,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')),
});

const oddValue = fc.oneof(
  cloneable,
  fc.constantFrom(Number.NaN, Infinity, -0, 2 ** 53, -1, '', ' ', '\u0000', `${marker}\n`, [] as unknown[], {}),
  fc.constant(hugeString),
  fc.constant(hugeArray),
);

/** A valid request with one thing wrong: a field replaced, removed, added, or the whole shape swapped. */
function mutationsOf(channel: InvokeChannel): fc.Arbitrary<unknown> {
  const valid = validRequests[channel] as unknown;
  if (valid === undefined || typeof valid !== 'object' || valid === null) return oddValue;
  const record = valid as Record<string, unknown>;
  const keys = Object.keys(record);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), oddValue).map(([key, value]) => ({ ...record, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(record).filter(([name]) => name !== key))),
    fc.tuple(fc.string({ minLength: 1 }).filter((key) => !keys.includes(key)), oddValue).map(([key, value]) => ({ ...record, [key]: value, extra: marker })),
    fc.constant(JSON.parse(`{"__proto__": {"polluted": "${marker}"}, ${JSON.stringify(record).slice(1)}`) as unknown),
    fc.constant([record]),
  );
}

let app: AppUnderTest;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  app = await startAppUnderTest({ generate: { seed: 3, instances: 10 } });
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await app.close();
});

describe('IPC fuzzing', () => {
  it.each(invokeChannelNames)('%s: every malformed payload is answered with a validation error', async (channel) => {
    const schema = invokeContract[channel].request;
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(oddValue, mutationsOf(channel)), async (payload) => {
        // The rare payload that happens to be valid is not malformed; it is left to the channel's own tests.
        fc.pre(!schema.safeParse(payload).success);
        const answer = await app.core.dispatcher.invoke(channel, payload);
        expect(answer.ok).toBe(false);
        if (answer.ok) return;
        expect(answer.error.code).toBe('IPC_VALIDATION_FAILED');
        expect(JSON.stringify(answer)).not.toContain(marker);
        checked += 1;
      }),
      { numRuns: runsPerChannel, seed: 20261128 + channel.length },
    );
    expect(checked).toBeGreaterThan(runsPerChannel * 0.9);
    // Nothing malformed reached a handler: no profile was created, nothing was sent to the simulator.
    expect(app.simulator.requests).toHaveLength(0);
    expect(unhandled).toEqual([]);
  });

  it('answers unknown channels, however named, without running anything', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'app.getInfo ', 'APP.GETINFO')), cloneable, async (channel, payload) => {
        fc.pre(!(invokeChannelNames as readonly string[]).includes(channel));
        const answer = await app.core.dispatcher.invoke(channel, payload);
        expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
