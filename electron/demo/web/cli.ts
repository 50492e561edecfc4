import type { Logger } from '../../logging/logger';
import { parseWebDemoArguments, webDemoUsage } from './web-demo-options';
import { startWebDemo } from './start-web-demo';

const stopLimitMs = 10_000;

/** Log lines go to stderr, so stdout holds only the address scripts and people wait for. */
function stderrLogger(): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/**
 * `npm run demo:web -- --instances 50000 --seed 3 --latency-ms 20`. Prints exactly
 * `demo: http://127.0.0.1:<port>/#<token>` on stdout once it answers, and stops cleanly on SIGINT or SIGTERM.
 */
async function main(): Promise<void> {
  const parsed = parseWebDemoArguments(process.argv.slice(2));
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n${webDemoUsage}\n`);
    process.exitCode = 2;
    return;
  }
  const demo = await startWebDemo({ ...parsed.options, logger: stderrLogger() });
  const stop = () => {
    // A second Ctrl+C ends it at once (Node's default); a stop that hangs is cut short, as the desktop app's quit is.
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    setTimeout(() => {
      process.stderr.write(`the demo did not stop within ${stopLimitMs / 1000} s; ending it\n`);
      process.exit(1);
    }, stopLimitMs).unref();
    demo.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        process.stderr.write(`the demo did not stop cleanly: ${error instanceof Error ? error.name : typeof error}\n`);
        process.exitCode = 1;
      },
    );
  };
  // Listening before the address is printed: whoever reads it may stop the demo at once, and a signal that found
  // no handler would kill it without closing anything.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stderr.write(`simulated fleet: ${parsed.options.fleet.instances} instances (seed ${parsed.options.fleet.seed}); open the address below in a browser on this machine\n`);
  process.stdout.write(`demo: ${demo.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`the web demo failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
