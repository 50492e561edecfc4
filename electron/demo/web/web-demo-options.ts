import { parseArgs } from 'node:util';
import { defaultDemoCloud, nonNegativeIntegerFlag, type DemoCloudOptions } from '../demo-cloud';

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
 * so nothing typed on the command line can point the demo anywhere but its simulator. The fleet flags accept what
 * `npm run simulator`'s do: both read numbers with the simulator's own `nonNegativeIntegerFlag` (through demo-cloud.ts,
 * electron/'s one door to the simulator).
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
  const numbers = {
    instances: nonNegativeIntegerFlag('instances', values.instances, defaultDemoCloud.instances),
    seed: nonNegativeIntegerFlag('seed', values.seed, defaultDemoCloud.seed),
    latencyMs: nonNegativeIntegerFlag('latency-ms', values['latency-ms'], defaultDemoCloud.latencyMs),
    port: nonNegativeIntegerFlag('port', values.port, 0),
  };
  const problem = Object.values(numbers).find((value) => typeof value === 'string');
  if (typeof problem === 'string') return { kind: 'error', message: problem };
  const { instances, seed, latencyMs, port } = numbers as Record<keyof typeof numbers, number>;
  if (port > 65535) return { kind: 'error', message: '--port must be at most 65535' };
  return { kind: 'ok', options: { fleet: { instances, seed, latencyMs }, port } };
}
