/** The app's id: electron-builder's appId, and the keychain service every secret is stored under. */
export const appId = 'com.keypairdesk.app';
export const productName = 'KeyPair Desk';
