import { parseArgs } from 'node:util';
import { parseCliArguments } from '../../../simulator/cli-options';
import { defaultDemoCloud, demoKeys, type DemoCloudOptions } from '../demo-cloud';

export const webDemoUsage = `Usage: npm run demo:web -- [options]
  --instances N    instances in the simulated fleet (default ${defaultDemoCloud.instances})
  --seed N         fleet seed (default ${defaultDemoCloud.seed})
  --latency-ms N   time the simulator spends on every request (default ${defaultDemoCloud.latencyMs})
  --port N         port on 127.0.0.1 to serve the app on (default 0: a free one)
The web demo talks only to its own simulator: it has no option for an endpoint, a host or credentials.`;

export interface WebDemoOptions {
  fleet: DemoCloudOptions;
  port: number;
}

export type WebDemoParse = { readonly kind: 'ok'; readonly options: WebDemoOptions } | { readonly kind: 'error'; readonly message: string };

/**
 * The command line of `npm run demo:web`. Strict: an option it does not know (`--endpoint`, `--host`…) is an error,
 * so nothing typed on the command line can point the demo anywhere but its simulator. The fleet flags are checked
 * by the simulator's own parser, so they mean and accept exactly what `npm run simulator` does.
 */
export function parseWebDemoArguments(args: readonly string[]): WebDemoParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: {
        instances: { type: 'string' },
        seed: { type: 'string' },
        'latency-ms': { type: 'string' },
        port: { type: 'string' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  const simulatorArgs = ['--access-key-id', demoKeys.accessKeyId, '--secret-access-key', demoKeys.secretAccessKey];
  simulatorArgs.push('--instances', values.instances ?? String(defaultDemoCloud.instances));
  simulatorArgs.push('--seed', values.seed ?? String(defaultDemoCloud.seed));
  simulatorArgs.push('--latency-ms', values['latency-ms'] ?? String(defaultDemoCloud.latencyMs));
  simulatorArgs.push('--port', values.port ?? '0');
  const parsed = parseCliArguments(simulatorArgs);
  if (parsed.kind === 'error') return parsed;
  const { generate, latencyMs, port } = parsed.options;
  return {
    kind: 'ok',
    options: { fleet: { instances: generate?.instances ?? defaultDemoCloud.instances, seed: generate?.seed ?? defaultDemoCloud.seed, latencyMs: latencyMs ?? 0 }, port: port ?? 0 },
  };
}
