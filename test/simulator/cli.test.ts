import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArguments } from '../../simulator/cli-options';
import { createSignedClient, parseEnvelope } from './support/signed-client';

const keyArgs = ['--access-key-id', 'AKCLI', '--secret-access-key', 'SKCLI'];

describe('simulator CLI arguments', () => {
  it('builds simulator options from the command line', () => {
    const parsed = parseCliArguments(['--port', '0', '--instances', '50', '--seed', '3', '--latency-ms', '5', '--rate', '10', '--burst', '20', ...keyArgs]);
    expect(parsed).toEqual({
      kind: 'ok',
      options: expect.objectContaining({
        port: 0,
        latencyMs: 5,
        credentials: [{ accessKeyId: 'AKCLI', secretAccessKey: 'SKCLI', sessionToken: undefined }],
        generate: { seed: 3, instances: 50, regions: undefined },
        flowLimit: { ratePerSecond: 10, burst: 20 },
      }) as unknown,
    });
  });

  it('leaves the read flow limit and zone weights out unless asked', () => {
    const parsed = parseCliArguments(keyArgs);
    if (parsed.kind !== 'ok') throw new Error(parsed.message);
    expect(parsed.options.readFlowLimit).toBeNull();
    expect(parsed.options.generate).toStrictEqual({ seed: 1, instances: 1000, regions: undefined });
  });

  it('takes --zone-weights and --read-rate/--read-burst', () => {
    const parsed = parseCliArguments(['--zone-weights', '8, 4,0,0.5', '--read-rate', '3', '--read-burst', '6', '--rate', '10', '--burst', '20', ...keyArgs]);
    expect(parsed).toEqual({
      kind: 'ok',
      options: expect.objectContaining({
        generate: { seed: 1, instances: 1000, regions: undefined, zoneWeights: [8, 4, 0, 0.5] },
        flowLimit: { ratePerSecond: 10, burst: 20 },
        readFlowLimit: { ratePerSecond: 3, burst: 6 },
      }) as unknown,
    });
  });

  it('refuses malformed zone weights and a read rate without a read burst', () => {
    for (const weights of ['', '8,,1', '8,-1', 'a,b', '0,0', '1e3', 'NaN']) {
      expect(parseCliArguments(['--zone-weights', weights, ...keyArgs]), weights).toMatchObject({
        kind: 'error',
        message: expect.stringContaining('--zone-weights') as unknown,
      });
    }
    expect(parseCliArguments(['--read-rate', '5', ...keyArgs])).toMatchObject({ kind: 'error', message: expect.stringContaining('--read-burst') as unknown });
    expect(parseCliArguments(['--read-burst', '5', ...keyArgs])).toMatchObject({ kind: 'error', message: expect.stringContaining('--read-rate') as unknown });
    expect(parseCliArguments(['--read-rate', 'fast', '--read-burst', '5', ...keyArgs])).toMatchObject({ kind: 'error' });
  });

  it('refuses missing keys, unknown flags and non-numeric numbers', () => {
    expect(parseCliArguments(['--port', '1'])).toMatchObject({ kind: 'error' });
    expect(parseCliArguments(['--frobnicate', ...keyArgs])).toMatchObject({ kind: 'error' });
    expect(parseCliArguments(['--instances', 'many', ...keyArgs])).toMatchObject({ kind: 'error', message: expect.stringContaining('--instances') as unknown });
    expect(parseCliArguments(['--rate', '5', ...keyArgs])).toMatchObject({ kind: 'error' });
  });
});

describe('simulator CLI process', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints "listening on <url>", serves a signed call and exits cleanly on SIGTERM', async () => {
    // tsx as a Node loader in one process, rather than `npx tsx`: npm exec does not pass SIGTERM on to its child,
    // so the signal would kill npm and orphan the simulator instead of testing its shutdown.
    const cliArgs = ['--port', '0', '--instances', '20', '--seed', '1', '--zone-weights', '1,0,2,1', '--read-rate', '50', '--read-burst', '50', ...keyArgs];
    const started = spawn(process.execPath, ['--import', 'tsx', 'simulator/cli.ts', ...cliArgs], { cwd: process.cwd() });
    child = started;
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      started.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      started.on('exit', (code) => reject(new Error(`the CLI exited with ${code} before listening`)));
    });
    const port = Number(new URL(url).port);
    const client = createSignedClient(port, { credentials: { accessKeyId: 'AKCLI', secretAccessKey: 'SKCLI' } });
    const reply = await client.ecs('DescribeInstances', { MaxResults: '1' });
    expect(reply.status).toBe(200);
    const zones = parseEnvelope<{ Zones: Array<{ ZoneId: string }> }>(await client.ecs('DescribeZones')).Result;
    expect(zones?.Zones.map((zone) => zone.ZoneId)).toEqual(['cn-beijing-a', 'cn-beijing-b', 'cn-beijing-c', 'cn-beijing-d']);

    const exit = new Promise<number | null>((resolve) => started.on('exit', (code) => resolve(code)));
    started.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
