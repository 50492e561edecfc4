import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { eventChannelNames, invokeChannelNames, wireName } from '../../../shared/ipc/channel-names';
import { eventContract, invokeContract } from '../../../shared/ipc/contract';

interface ZodInternals {
  def: {
    type: string;
    checks?: Array<{ _zod: { def: { check: string } } }>;
    shape?: Record<string, z.ZodType>;
    catchall?: z.ZodType;
    element?: z.ZodType;
    innerType?: z.ZodType;
    options?: z.ZodType[];
    in?: z.ZodType;
    out?: z.ZodType;
  };
}

/**
 * Every place in a request schema where the renderer could send something unbounded or unexpected. Main validates
 * requests with these schemas, so "every string and array has a maximum, every object is strict" is what keeps
 * an oversize or padded payload from reaching a handler.
 */
function unboundedPlaces(schema: z.ZodType, at: string): string[] {
  const { def } = (schema as unknown as { _zod: ZodInternals })._zod;
  const hasMax = def.checks?.some((check) => check._zod.def.check === 'max_length') ?? false;
  switch (def.type) {
    case 'string':
      return hasMax ? [] : [`${at}: string without max`];
    case 'array':
      return [...(hasMax ? [] : [`${at}: array without max`]), ...unboundedPlaces(def.element!, `${at}[]`)];
    case 'object': {
      const strict = def.catchall !== undefined && (def.catchall as unknown as { _zod: ZodInternals })._zod.def.type === 'never';
      return [
        ...(strict ? [] : [`${at}: object that accepts unknown keys`]),
        ...Object.entries(def.shape ?? {}).flatMap(([key, value]) => unboundedPlaces(value, `${at}.${key}`)),
      ];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return unboundedPlaces(def.innerType!, at);
    case 'union':
      return (def.options ?? []).flatMap((option, index) => unboundedPlaces(option, `${at}|${index}`));
    case 'pipe':
      return unboundedPlaces(def.in!, at);
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'number':
    case 'undefined':
    case 'null':
      return [];
    default:
      return [`${at}: ${def.type} is not allowed in a request`];
  }
}

describe('IPC contract', () => {
  it('has a schema for exactly the channels the preload exposes', () => {
    expect(Object.keys(invokeContract).sort()).toEqual([...invokeChannelNames].sort());
    expect(Object.keys(eventContract).sort()).toEqual([...eventChannelNames].sort());
  });

  it('names every channel <namespace>.<method> so the preload can nest it', () => {
    for (const name of [...invokeChannelNames, ...eventChannelNames]) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(new Set(invokeChannelNames.map(wireName)).size).toBe(invokeChannelNames.length);
  });

  it.each(invokeChannelNames)('bounds every string and array of the %s request and rejects unknown keys', (channel) => {
    expect(unboundedPlaces(invokeContract[channel].request, channel)).toEqual([]);
  });

  it('finds the problems it looks for (the walker itself works)', async () => {
    const { z } = await import('zod');
    const loose = z.object({ name: z.string(), ids: z.array(z.string().max(3)), tags: z.record(z.string(), z.string()) });
    expect(unboundedPlaces(loose, 'r')).toEqual([
      'r: object that accepts unknown keys',
      'r.name: string without max',
      'r.ids: array without max',
      'r.tags: record is not allowed in a request',
    ]);
  });
});
