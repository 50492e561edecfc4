import { parseArgs } from 'node:util';
import { nonNegativeIntegerFlag } from './cli-numbers';
import type { EcsSimulatorOptions } from './ecs-simulator';

export const cliUsage = `Usage: npm run simulator -- --access-key-id AK --secret-access-key SK [options]
  --port N               port to listen on (default 8555; 0 picks a free one)
  --host HOST            address to listen on (default 127.0.0.1)
  --instances N          instances in the generated fleet (default 1000)
  --seed N               fleet seed (default 1)
  --regions a,b          region IDs (default: five public regions)
  --zone-weights 8,4,2,1 every region gets one zone per weight, filled by weight (0: an empty zone)
  --session-token T      make the key an STS credential that requires this token
  --latency-ms N         time spent on every request (default 0)
  --rate N --burst N     flow limit: token bucket refill per second and size (default: none)
  --read-rate N --read-burst N
                         a second flow limit only Describe* actions draw from (default: none)
  --reboot-ms N          how long a rebooted instance stays REBOOTING (default 0)`;

export type CliParse = { readonly kind: 'ok'; readonly options: EcsSimulatorOptions } | { readonly kind: 'error'; readonly message: string };

/** Comma-separated non-negative numbers with at least one positive, or a message saying what is wrong. */
function zoneWeights(raw: string | undefined): number[] | undefined | string {
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((part) => part.trim());
  if (!parts.every((part) => /^\d{1,9}(\.\d{1,9})?$/.test(part))) {
    return '--zone-weights must be comma-separated non-negative numbers, such as 8,4,2,1';
  }
  const weights = parts.map(Number);
  return weights.some((weight) => weight > 0) ? weights : '--zone-weights needs at least one positive weight';
}

/** Turns the command line into simulator options, or a message saying what is wrong with it. */
export function parseCliArguments(args: readonly string[]): CliParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        instances: { type: 'string' },
        seed: { type: 'string' },
        regions: { type: 'string' },
        'access-key-id': { type: 'string' },
        'secret-access-key': { type: 'string' },
        'session-token': { type: 'string' },
        'latency-ms': { type: 'string' },
        rate: { type: 'string' },
        burst: { type: 'string' },
        'read-rate': { type: 'string' },
        'read-burst': { type: 'string' },
        'zone-weights': { type: 'string' },
        'reboot-ms': { type: 'string' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  const accessKeyId = values['access-key-id'];
  const secretAccessKey = values['secret-access-key'];
  if (!accessKeyId || !secretAccessKey) {
    return { kind: 'error', message: '--access-key-id and --secret-access-key are required' };
  }
  const numbers = {
    port: nonNegativeIntegerFlag('port', values.port, 8555),
    instances: nonNegativeIntegerFlag('instances', values.instances, 1000),
    seed: nonNegativeIntegerFlag('seed', values.seed, 1),
    latencyMs: nonNegativeIntegerFlag('latency-ms', values['latency-ms'], 0),
    rate: nonNegativeIntegerFlag('rate', values.rate, 0),
    burst: nonNegativeIntegerFlag('burst', values.burst, 0),
    readRate: nonNegativeIntegerFlag('read-rate', values['read-rate'], 0),
    readBurst: nonNegativeIntegerFlag('read-burst', values['read-burst'], 0),
    rebootMs: nonNegativeIntegerFlag('reboot-ms', values['reboot-ms'], 0),
  };
  const problem = Object.values(numbers).find((value) => typeof value === 'string');
  if (typeof problem === 'string') return { kind: 'error', message: problem };
  const { port, instances, seed, latencyMs, rate, burst, readRate, readBurst, rebootMs } = numbers as Record<keyof typeof numbers, number>;
  if (port > 65535) return { kind: 'error', message: '--port must be at most 65535' };
  if ((rate > 0) !== (burst > 0)) return { kind: 'error', message: '--rate and --burst go together' };
  if ((readRate > 0) !== (readBurst > 0)) return { kind: 'error', message: '--read-rate and --read-burst go together' };
  const weights = zoneWeights(values['zone-weights']);
  if (typeof weights === 'string') return { kind: 'error', message: weights };
  const regions = values.regions?.split(',').map((region) => region.trim()).filter((region) => region !== '');
  return {
    kind: 'ok',
    options: {
      host: values.host ?? '127.0.0.1',
      port,
      credentials: [{ accessKeyId, secretAccessKey, sessionToken: values['session-token'] }],
      // zoneWeights only when given, so a command line without it builds the very options it always did.
      generate: { seed, instances, regions: regions && regions.length > 0 ? regions : undefined, ...(weights ? { zoneWeights: weights } : {}) },
      latencyMs,
      flowLimit: rate > 0 ? { ratePerSecond: rate, burst } : null,
      readFlowLimit: readRate > 0 ? { ratePerSecond: readRate, burst: readBurst } : null,
      rebootDurationMs: rebootMs,
    },
  };
}
