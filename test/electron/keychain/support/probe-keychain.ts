// Run as a child process by the keychain tests, each time in a differently broken environment: prints the
// keychain status the app would show, as JSON, on one line.
import { createKeytarSecretStore } from '../../../../electron/keychain/keytar-secret-store';
import { checkKeychainStatus } from '../../../../electron/keychain/keychain-status';

const status = await checkKeychainStatus(createKeytarSecretStore('com.keypairdesk.test-probe'), 'linux');
process.stdout.write(`${JSON.stringify(status)}\n`);
