// Serves app://onewindow/… from the built renderer folder with our CSP on every response, and,
// in the print session, the print documents held in memory under /__print/<token>.html.
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME, assetPathFor, mimeOf, PRINT_PATH } from '../policy/protocol';

/** Must run before app 'ready': a standard, secure scheme gets a real origin and IndexedDB. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export interface AppProtocolOptions {
  rendererDir: string;
  csp: string;
  /** Print session only: documents waiting to be printed, by token. */
  printDocs?: Map<string, string>;
}

export function handleAppProtocol(session: Session, opts: AppProtocolOptions): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const headers = { 'content-security-policy': opts.csp, 'x-content-type-options': 'nosniff' };
    if (opts.printDocs && url.host === APP_HOST && url.pathname.startsWith(PRINT_PATH)) {
      const token = url.pathname.slice(PRINT_PATH.length).replace(/\.html$/, '');
      const html = opts.printDocs.get(token);
      if (html === undefined) return new Response('not found', { status: 404 });
      return new Response(html, {
        headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
      });
    }
    const file = assetPathFor(opts.rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { ...headers, 'content-type': mimeOf(file) } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
