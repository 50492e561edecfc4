import type { Platform } from '../../shared/domain/app-info';
import type { PartialIpcHandlers } from '../ipc/handler-types';
import { checkKeychainStatus } from './keychain-status';
import type { SecretStore } from './secret-store';

export function createKeychainHandlers(store: SecretStore, platform: Platform): PartialIpcHandlers<'keychain.getStatus'> {
  return {
    'keychain.getStatus': () => checkKeychainStatus(store, platform),
  };
}
