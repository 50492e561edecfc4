import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ImportCandidate, ImportProblem, ImportScan } from '../../shared/domain/credential-import';
import { regionIdSchema } from '../../shared/domain/ecs';
import { accessKeyHint, accessKeyIdSchema, endpointSchema, secretAccessKeySchema, sessionTokenSchema } from '../../shared/domain/profile';

/** Keys found for import, secrets included: this stays in main; the renderer gets `ImportCandidate`s. */
export interface FoundKeys {
  source: 'cli-config' | 'environment';
  sourceName: string;
  mode: string | null;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  sessionToken: string | null;
  region: string | null;
  endpoint: string | null;
}

export interface FoundKeysScan {
  cliConfigPath: string;
  cliConfigState: ImportScan['cliConfigState'];
  found: FoundKeys[];
}

// The `ve` CLI's file (spec: "The Volcengine CLI's credentials"). Lenient: only what we use, unknown fields ignored.
const text = z.string().max(10_000).optional().catch(undefined);
const cliProfileSchema = z.object({
  mode: text,
  'access-key': text,
  'secret-key': text,
  'session-token': text,
  region: text,
  endpoint: text,
});
const cliConfigSchema = z.object({ profiles: z.record(z.string().max(128), z.unknown()) });

const nonEmpty = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value.trim());

/** The CLI may store a bare host; the app wants https://host. */
function normalizeEndpoint(value: string | null): string | null {
  if (value === null) return null;
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `https://${value}`;
  const parsed = endpointSchema.safeParse(withScheme.replace(/\/+$/, '') + '/');
  return parsed.success ? new URL(parsed.data).origin : null;
}

async function readCliConfig(file: string): Promise<{ state: ImportScan['cliConfigState']; found: FoundKeys[] }> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    return { state: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unreadable', found: [] };
  }
  let config;
  try {
    config = cliConfigSchema.safeParse(JSON.parse(raw));
  } catch {
    return { state: 'malformed', found: [] };
  }
  if (!config.success) return { state: 'malformed', found: [] };
  const found = Object.entries(config.data.profiles).map(([name, value]): FoundKeys => {
    const profile = cliProfileSchema.safeParse(value);
    const data = profile.success ? profile.data : {};
    return {
      source: 'cli-config',
      sourceName: name,
      mode: nonEmpty(data.mode),
      accessKeyId: nonEmpty(data['access-key']),
      secretAccessKey: nonEmpty(data['secret-key']),
      sessionToken: nonEmpty(data['session-token']),
      region: nonEmpty(data.region),
      endpoint: normalizeEndpoint(nonEmpty(data.endpoint)),
    };
  });
  return { state: 'found', found };
}

function fromEnvironment(env: NodeJS.ProcessEnv): FoundKeys | null {
  const accessKeyId = nonEmpty(env.VOLCENGINE_ACCESS_KEY);
  const secretAccessKey = nonEmpty(env.VOLCENGINE_SECRET_KEY);
  if (accessKeyId === null && secretAccessKey === null) return null;
  return {
    source: 'environment',
    sourceName: 'environment',
    mode: null,
    accessKeyId,
    secretAccessKey,
    sessionToken: nonEmpty(env.VOLCENGINE_SESSION_TOKEN),
    region: nonEmpty(env.VOLCENGINE_REGION),
    endpoint: normalizeEndpoint(nonEmpty(env.VOLCENGINE_ENDPOINT)),
  };
}

/** Everything importable on this machine: the CLI's profiles, then the environment's keys. */
export async function scanForKeys(homeDir: string, env: NodeJS.ProcessEnv): Promise<FoundKeysScan> {
  const cliConfigPath = path.join(homeDir, '.volcengine', 'config.json');
  const cli = await readCliConfig(cliConfigPath);
  const fromEnv = fromEnvironment(env);
  return { cliConfigPath, cliConfigState: cli.state, found: fromEnv === null ? cli.found : [...cli.found, fromEnv] };
}

/** Why these keys cannot be imported as they are, or null. A missing region is not a problem: the user picks one. */
export function importProblemOf(found: FoundKeys, takenNames: ReadonlySet<string>): ImportProblem | null {
  // Only access-key profiles carry keys: "ak" mode, or any profile that has both keys (spec).
  if (found.mode !== null && found.mode !== 'ak' && (found.accessKeyId === null || found.secretAccessKey === null)) {
    return 'unsupported-mode';
  }
  if (found.accessKeyId === null || found.secretAccessKey === null) return 'no-keys';
  if (!accessKeyIdSchema.safeParse(found.accessKeyId).success || !secretAccessKeySchema.safeParse(found.secretAccessKey).success) {
    return 'invalid-keys';
  }
  if (found.sessionToken !== null && !sessionTokenSchema.safeParse(found.sessionToken).success) return 'invalid-keys';
  if (found.region !== null && !regionIdSchema.safeParse(found.region).success) return 'invalid-region';
  if (takenNames.has(found.sourceName.toLowerCase())) return 'name-taken';
  return null;
}

export function toCandidate(found: FoundKeys, takenNames: ReadonlySet<string>): ImportCandidate {
  return {
    source: found.source,
    sourceName: found.sourceName.slice(0, 128),
    accessKeyHint: found.accessKeyId === null ? null : accessKeyHint(found.accessKeyId),
    region: found.region?.slice(0, 64) ?? null,
    endpoint: found.endpoint,
    hasSessionToken: found.sessionToken !== null,
    mode: found.mode?.slice(0, 32) ?? null,
    problem: importProblemOf(found, takenNames),
  };
}
