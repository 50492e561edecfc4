/**
 * Text that reaches an error message may echo the request: a debugging proxy's error page, a gateway that
 * reflects headers. Before such text is kept, the secrets of that request are cut out of it.
 */
const authorizationPattern = /HMAC-SHA256\s+Credential=[^\s"'<>,]*(?:,\s*SignedHeaders=[^\s"'<>,]*)?(?:,\s*Signature=[0-9a-fA-F]*)?/g;
const signaturePattern = /Signature=[0-9a-fA-F]{16,}/g;

const redactedMarker = '[redacted]';

/**
 * Removes each of `secrets` (the secret key, the session token, the signature...) and anything shaped like a
 * Volcengine Authorization header. Secrets shorter than 4 characters are not searched for: cutting every "a"
 * out of a message would hide more than it protects.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text.replace(authorizationPattern, redactedMarker).replace(signaturePattern, redactedMarker);
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    // A proxy may echo the secret percent-encoded (as in a URL) as well as verbatim.
    for (const form of new Set([secret, encodeURIComponent(secret)])) result = result.split(form).join(redactedMarker);
  }
  return result;
}
