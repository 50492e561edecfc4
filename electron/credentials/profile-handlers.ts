import type { ConnectionTestResult } from '../../shared/domain/connection-test';
import type { ChannelsOf, PartialIpcHandlers } from '../ipc/handler-types';
import type { CredentialImporter } from './credential-importer';
import type { CredentialVault } from './credential-vault';
import type { ProfileService } from './profile-service';

export interface ProfileHandlerDependencies {
  profiles: ProfileService;
  vault: CredentialVault;
  importer: CredentialImporter;
  testConnection: (profileId: string) => Promise<ConnectionTestResult>;
  /** Forgets what the app read with a removed profile (its region listings, in memory and on disk). */
  forgetProfileData: (profileId: string) => Promise<void>;
}

export function createProfileHandlers(dependencies: ProfileHandlerDependencies): PartialIpcHandlers<ChannelsOf<'profiles'>> {
  const { profiles, vault, importer } = dependencies;
  return {
    'profiles.list': () => profiles.list(),
    'profiles.create': (input) => profiles.create(input),
    'profiles.update': (update) => profiles.update(update),
    'profiles.remove': async ({ id }) => {
      await profiles.remove(id);
      await dependencies.forgetProfileData(id);
      return { id };
    },
    'profiles.testConnection': ({ id }) => dependencies.testConnection(id),
    'profiles.lockSecrets': () => {
      vault.lock();
      return { locked: true as const };
    },
    'profiles.scanImports': () => importer.scan(),
    'profiles.importSelected': (selection) => importer.importSelected(selection),
  };
}
