import { describe, expect, it } from 'vitest';
import { createSenderPolicy } from '../../../electron/security/sender-policy';

const trusted = createSenderPolicy({ appOrigin: 'app://keypair-desk', trustedWebContentsIds: () => new Set([7]) });
const good = { webContentsId: 7, frameUrl: 'app://keypair-desk/index.html', isTopFrame: true };

describe('sender policy', () => {
  it('trusts the top frame of the app window at the app origin', () => {
    expect(trusted(good)).toBe(true);
  });

  it.each([
    ['another webContents', { ...good, webContentsId: 8 }],
    ['an iframe', { ...good, isTopFrame: false }],
    ['a frame that is gone', { ...good, frameUrl: undefined }],
    ['a remote page', { ...good, frameUrl: 'https://keypair-desk/index.html' }],
    ['a file: page', { ...good, frameUrl: 'file:///index.html' }],
    ['a look-alike host', { ...good, frameUrl: 'app://keypair-desk.evil/index.html' }],
    ['a host with a port', { ...good, frameUrl: 'app://keypair-desk:8080/index.html' }],
    ['an opaque URL', { ...good, frameUrl: 'data:text/html,hi' }],
    ['garbage', { ...good, frameUrl: 'not a url' }],
  ])('refuses %s', (_name, facts) => {
    expect(trusted(facts)).toBe(false);
  });

  it('reads the trusted windows at each message, so a closed window stops being trusted', () => {
    const open = new Set([7]);
    const policy = createSenderPolicy({ appOrigin: 'app://keypair-desk', trustedWebContentsIds: () => open });
    expect(policy(good)).toBe(true);
    open.delete(7);
    expect(policy(good)).toBe(false);
  });
});
