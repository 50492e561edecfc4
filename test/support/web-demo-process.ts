import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '../..');

export interface WebDemoProcess {
  child: ChildProcess;
  /** The printed address, `http://127.0.0.1:<port>/#<token>`. */
  url: string;
  origin: string;
  token: string;
  stderr: () => string;
  /** Sends the signal and resolves with the exit code (null: killed by a signal it did not handle). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The line the demo prints once it answers, and nothing but it. */
export const readyLine = /^demo: (http:\/\/127\.0\.0\.1:(\d+))\/#([A-Za-z0-9_-]{40,})$/;

/**
 * Starts `npm run demo:web`'s entry point as the script runs it (the renderer must be built already), and waits for
 * the address it prints.
 */
export async function startWebDemoProcess(args: readonly string[], timeoutMs = 60_000): Promise<WebDemoProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/demo/web/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web demo printed no address in ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const found = readyLine.exec(line);
      if (found !== null) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the web demo exited (${code}) before it was ready:\n${stderr}`));
    });
  });
  return {
    child,
    url: `${match[1]}/#${match[3]}`,
    origin: match[1]!,
    token: match[3]!,
    stderr: () => stderr,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the entry point to its end (for arguments it must refuse), with its exit code and what it wrote. */
export async function runWebDemoToExit(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/demo/web/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  return { code, stdout, stderr };
}
