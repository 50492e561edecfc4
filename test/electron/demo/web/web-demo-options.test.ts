import { describe, expect, it } from 'vitest';
import { defaultDemoCloud } from '../../../../electron/demo/demo-cloud';
import { parseWebDemoArguments } from '../../../../electron/demo/web/web-demo-options';

describe('parseWebDemoArguments', () => {
  it('takes the simulator fleet flags and a port, with the desktop demo defaults', () => {
    expect(parseWebDemoArguments([])).toEqual({ kind: 'ok', options: { fleet: defaultDemoCloud, port: 0 } });
    expect(parseWebDemoArguments(['--instances', '50000', '--seed', '9', '--latency-ms', '0', '--port', '8600'])).toEqual({
      kind: 'ok',
      options: { fleet: { instances: 50000, seed: 9, latencyMs: 0 }, port: 8600 },
    });
  });

  it.each([['--endpoint', 'https://open.volcengineapi.com'], ['--host', '0.0.0.0'], ['--access-key-id', 'AKLTreal'], ['--secret-access-key', 'x']])(
    'refuses %s: nothing on the command line can point the demo away from its simulator',
    (flag, value) => {
      const parsed = parseWebDemoArguments([flag, value]);
      expect(parsed.kind).toBe('error');
      expect(parsed.kind === 'error' && parsed.message).toContain(flag);
    },
  );

  it('checks the fleet flags as the simulator does', () => {
    expect(parseWebDemoArguments(['--instances', 'many'])).toEqual({ kind: 'error', message: '--instances must be a non-negative integer' });
    expect(parseWebDemoArguments(['--latency-ms', '-5'])).toMatchObject({ kind: 'error' });
    expect(parseWebDemoArguments(['--port', '70000'])).toEqual({ kind: 'error', message: '--port must be at most 65535' });
  });
});
