import { parseOriginUrl } from './origin-url';

export const proxyUrlMaxLength = 512;

/**
 * An HTTP(S) proxy address, `http://host:port` (trimmed). Credentials in it are refused: settings are a plain file,
 * and no secret goes into a plain file. Apart from settings.ts so that the settings form checks it without zod.
 */
export function isProxyUrl(value: string): boolean {
  if (value.length > proxyUrlMaxLength) return false;
  const url = parseOriginUrl(value);
  return url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:');
}
