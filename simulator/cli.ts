import { cliUsage, parseCliArguments } from './cli-options';
import { startEcsSimulator } from './ecs-simulator';

/**
 * `npm run simulator -- --port 8555 --instances 5000 --seed 1 --access-key-id AK --secret-access-key SK`.
 * Prints exactly `listening on <url>` on stdout once it accepts requests (scripts wait for that line), and stops
 * cleanly on SIGINT or SIGTERM.
 */
async function main(): Promise<void> {
  const parsed = parseCliArguments(process.argv.slice(2));
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n${cliUsage}\n`);
    process.exitCode = 2;
    return;
  }
  const simulator = await startEcsSimulator(parsed.options);
  const regions = simulator.fleet.regionIds();
  process.stderr.write(`fleet: ${simulator.fleet.instanceCount()} instances in ${regions.length} regions (${regions.join(', ')})\n`);
  process.stdout.write(`listening on ${simulator.url}\n`);

  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    void simulator.close().then(() => {
      process.exitCode = 0;
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
