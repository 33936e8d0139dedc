// The Content-Security-Policy of the app's own pages. Kept as data so the security tests
// (issue 9) can assert it, and so the header and any <meta> copy cannot drift apart.

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // MUI's emotion injects <style> elements at run time; styles cannot run code.
  'style-src': ["'self'", "'unsafe-inline'"],
  // data:/blob: for generated QR codes, barcodes and attachment previews.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  // The print preview (srcdoc iframe) and archived PDFs shown from blob: URLs; the same list
  // as the renderer's <meta> CSP, because a page obeys both and would get the narrower one.
  'frame-src': ["'self'", 'blob:', 'data:', 'about:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

export function cspString(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = cspString(CSP_DIRECTIVES);

/**
 * Development only (Vite dev server): the React refresh preamble is an inline script and hot
 * reload talks over a WebSocket. Never used for a packaged app.
 */
export function devCsp(devServerUrl: string): string {
  const ws = devServerUrl.replace(/^http/, 'ws');
  return cspString({
    ...CSP_DIRECTIVES,
    'script-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", ws],
  });
}

/**
 * The hidden print window shows only our generated HTML: no script at all, styles inline,
 * fonts and images inline or from the app's own bundle (`assetOrigin`, e.g. 'file:').
 */
export function printCsp(assetSource: string): string {
  return cspString({
    'default-src': ["'none'"],
    'script-src': ["'none'"],
    'style-src': ["'unsafe-inline'", assetSource],
    'img-src': ['data:', 'blob:', assetSource],
    'font-src': ['data:', assetSource],
    'object-src': ["'none'"],
    'base-uri': [assetSource],
    'form-action': ["'none'"],
  });
}

/** Adds or replaces the CSP header in a response-headers map (session.webRequest). */
export function withCspHeader(
  headers: Record<string, string[] | string> | undefined,
  csp: string = CONTENT_SECURITY_POLICY,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'content-security-policy') continue;
    out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
