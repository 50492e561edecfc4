import { parseOriginUrl } from './origin-url';

/*
 * The rules of a profile's fields as plain data: the zod schemas in profile.ts are built from them for main, which
 * validates every request, and the renderer's form checks the same rules before sending without carrying zod (a
 * schema definition is a chain of calls a bundler must keep; zod would be 25 KiB gzip of the renderer, zod/mini 8).
 */

export interface TextRule {
  /** Length bounds after trimming. */
  min: number;
  max: number;
  pattern?: RegExp;
}

export const profileTextRules = {
  name: { min: 1, max: 64 },
  /** Volcengine AccessKey IDs are ASCII letters and digits (base64-ish); a loose bound that still stops paste errors. */
  accessKeyId: { min: 8, max: 128, pattern: /^[A-Za-z0-9+/=_-]+$/ },
  /** Printable ASCII without spaces: a pasted newline or space is a mistake, not part of the secret. */
  secretAccessKey: { min: 8, max: 256, pattern: /^[\x21-\x7E]+$/ },
  sessionToken: { min: 1, max: 8192, pattern: /^[\x21-\x7E]+$/ },
  /**
   * A Volcengine account ID (the "账号 ID" of the console): digits only. Not a secret; the review shows it so the
   * admin can tell which account a change is about to touch, since no API the app calls returns it.
   */
  accountId: { min: 1, max: 20, pattern: /^[0-9]+$/ },
} as const satisfies Record<string, TextRule>;

/** A region ID as typed or picked: not trimmed, lowercase letters, digits and dashes. */
export const regionIdRule = { min: 1, max: 64, pattern: /^[a-z0-9-]+$/ } as const satisfies TextRule;

export const endpointMaxLength = 512;

/** Whether `value` (already trimmed where the rule says so) meets `rule`. */
export function meetsTextRule(rule: TextRule, value: string): boolean {
  return value.length >= rule.min && value.length <= rule.max && (rule.pattern === undefined || rule.pattern.test(value));
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An API endpoint: https for anything real; plain http only on this machine (the built-in simulator, a local
 * gateway), never across a network where a signed request could be read.
 */
export function isAllowedEndpoint(value: string): boolean {
  if (value.length > endpointMaxLength) return false;
  const url = parseOriginUrl(value);
  return url !== undefined && (url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname)));
}
