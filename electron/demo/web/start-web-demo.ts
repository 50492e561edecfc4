import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppCore } from '../../app-core';
import { platformOf } from '../../app-info/app-info-handlers';
import { productName } from '../../app-identity';
import { createMemorySecretStore } from '../../keychain/secret-store';
import type { Logger } from '../../logging/logger';
import { createEcsClient } from '../../volcengine/ecs-client';
import { addDemoProfiles, startDemoCloud } from '../demo-cloud';
import { createEventHub } from './event-stream';
import { bundleWebApiScript } from './page-script';
import { createRendererFiles } from './renderer-files';
import { simulatorOnlyClients, simulatorOnlyDispatcher } from './simulator-only';
import type { WebDemoOptions } from './web-demo-options';
import { startWebDemoServer } from './web-demo-server';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

export interface WebDemo {
  /** `http://127.0.0.1:<port>/#<token>`: the one address that opens the demo. */
  url: string;
  /** The simulator of the demo's first account ("Demo"). */
  simulatorUrl: string;
  /** Stops serving, ends the core (its last writes landed), stops the simulators and removes the demo's folder. */
  close(): Promise<void>;
}

/**
 * `npm run demo:web`: the app's real main-process core, on the demo's simulated cloud, served to a browser on this
 * machine. Its folder is a fresh temporary one, its keys live in memory, it reads no environment and no home folder
 * (so no real credentials can be imported), and it reaches nothing but its simulator.
 */
export async function startWebDemo(options: WebDemoOptions & { logger: Logger; rendererDir?: string }): Promise<WebDemo> {
  const folder = await mkdtemp(path.join(tmpdir(), 'kpd-web-demo-'));
  const userDataDir = path.join(folder, 'user-data');
  const homeDir = path.join(folder, 'home');
  const exportsDir = path.join(folder, 'exports');
  await Promise.all([mkdir(userDataDir, { mode: 0o700 }), mkdir(homeDir, { mode: 0o700 }), mkdir(exportsDir, { mode: 0o700 })]);
  const files = await createRendererFiles(options.rendererDir ?? path.join(projectRoot, 'dist', 'renderer'), await bundleWebApiScript());
  const { version } = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const cloud = await startDemoCloud(options.fleet);
  const simulatorUrls = cloud.accounts.map((account) => account.simulator.url);
  const events = createEventHub();
  const core = createAppCore({
    info: { name: productName, version, platform: platformOf(process.platform), osLanguages: [Intl.DateTimeFormat().resolvedOptions().locale], demoMode: true },
    userDataDir,
    homeDir,
    env: {},
    secretStore: createMemorySecretStore(),
    // No save dialog in a browser: exports land in the demo's folder, and the page says where.
    chooseSavePath: async (suggestedName) => path.join(exportsDir, suggestedName),
    eventSink: (wireChannel, payload) => events.publish(wireChannel, payload),
    logger: options.logger,
    createEcsClient: simulatorOnlyClients(simulatorUrls, createEcsClient),
  });
  await addDemoProfiles(core, cloud);
  const server = await startWebDemoServer({
    port: options.port,
    dispatcher: simulatorOnlyDispatcher(core.dispatcher, simulatorUrls),
    events,
    files,
    logger: options.logger,
  });
  return {
    url: `${server.origin}/#${server.token}`,
    simulatorUrl: simulatorUrls[0]!,
    close: async () => {
      await server.close();
      await core.close();
      await cloud.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
