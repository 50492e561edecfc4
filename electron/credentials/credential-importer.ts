import { AppError, type AppErrorData } from '../../shared/errors/app-error';
import type { ImportResult, ImportScan, ImportSelection } from '../../shared/domain/credential-import';
import type { ProfileSummary } from '../../shared/domain/profile';
import { importProblemOf, scanForKeys, toCandidate } from './cli-import';
import type { ProfileService } from './profile-service';

export interface CredentialImporter {
  scan(): Promise<ImportScan>;
  importSelected(selection: ImportSelection): Promise<ImportResult>;
}

export interface CredentialImporterOptions {
  homeDir: string;
  env: NodeJS.ProcessEnv;
  profiles: ProfileService;
}

const asData = (error: unknown): AppErrorData =>
  error instanceof AppError ? error.toData() : { code: 'INTERNAL', message: 'The import of this profile failed.' };

/**
 * Moves keys from the Volcengine CLI's plaintext config, or the VOLCENGINE_* variables, into the keychain. The
 * renderer picks from masked candidates; the secrets are read again here at import time and never cross IPC.
 */
export function createCredentialImporter(options: CredentialImporterOptions): CredentialImporter {
  const takenNames = async () => new Set((await options.profiles.list()).profiles.map((profile) => profile.name.toLowerCase()));

  return {
    async scan() {
      const [scan, taken] = await Promise.all([scanForKeys(options.homeDir, options.env), takenNames()]);
      return {
        cliConfigPath: scan.cliConfigPath,
        cliConfigState: scan.cliConfigState,
        candidates: scan.found.slice(0, 200).map((found) => toCandidate(found, taken)),
      };
    },

    async importSelected(selection) {
      const scan = await scanForKeys(options.homeDir, options.env);
      const imported: ProfileSummary[] = [];
      const failed: ImportResult['failed'] = [];
      let importedFromCliFile = false;
      for (const item of selection.items) {
        const found = scan.found.find((candidate) => candidate.source === item.source && candidate.sourceName === item.sourceName);
        try {
          if (found === undefined) throw new AppError('IMPORT_SOURCE_GONE', 'The profile to import is no longer there.');
          // A taken name is settled by profiles.create below (with the name the user chose, if any).
          const problem = importProblemOf(found, new Set());
          const region = item.region ?? found.region;
          if (problem !== null || found.accessKeyId === null || found.secretAccessKey === null || region === null) {
            throw new AppError('IMPORT_NOT_IMPORTABLE', `This profile cannot be imported (${problem ?? 'no region'}).`);
          }
          imported.push(
            await options.profiles.create({
              name: item.name ?? found.sourceName,
              accessKeyId: found.accessKeyId,
              secretAccessKey: found.secretAccessKey,
              ...(found.sessionToken === null ? {} : { sessionToken: found.sessionToken }),
              region,
              ...(found.endpoint === null ? {} : { endpoint: found.endpoint }),
            }),
          );
          importedFromCliFile ||= item.source === 'cli-config';
        } catch (error) {
          failed.push({ source: item.source, sourceName: item.sourceName, error: asData(error) });
        }
      }
      return { imported, failed, plaintextStillAt: importedFromCliFile ? scan.cliConfigPath : null };
    },
  };
}
