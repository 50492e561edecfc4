/**
 * The Content-Security-Policy of every page the app serves. Nothing remote, no eval, no inline script: scripts,
 * styles, images and fonts come only from the app's own origin. `connect-src 'none'` because the renderer never
 * talks to the network; every cloud call is made by main.
 */
export const contentSecurityPolicyDirectives: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'none'",
  'media-src': "'none'",
  'object-src': "'none'",
  'frame-src': "'none'",
  'worker-src': "'none'",
  'child-src': "'none'",
  'manifest-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

export const contentSecurityPolicy = Object.entries(contentSecurityPolicyDirectives)
  .map(([directive, sources]) => `${directive} ${sources}`)
  .join('; ');
