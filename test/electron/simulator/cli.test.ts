import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArguments } from '../../../electron/simulator/cli-options';
import { createSignedClient } from './support/signed-client';

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
    const cliArgs = ['--port', '0', '--instances', '20', '--seed', '1', ...keyArgs];
    const started = spawn(process.execPath, ['--import', 'tsx', 'electron/simulator/cli.ts', ...cliArgs], { cwd: process.cwd() });
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

    const exit = new Promise<number | null>((resolve) => started.on('exit', (code) => resolve(code)));
    started.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
