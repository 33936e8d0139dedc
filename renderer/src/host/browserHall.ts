// The hall channels of the browser host: the same client as Electron's (electron/hall-client.ts)
// over fetch, with the station's sync key as a non-extractable WebCrypto key (browserKeys.ts)
// and the enrolment in localStorage (it holds no secret; the session token stays in memory).
// A page cannot see the server's certificate, so it cannot pin one: the browser checks the
// certificate itself, and the enrolment records no fingerprint (docs/hall-station.md). The page's
// CSP (connect-src 'self') lets it reach a hall server only through its own origin.
import { HostError } from '../../../electron/contract';
import { checkHallAddress, hallContract } from '../../../electron/contract-hall';
import { createHallClient, type Enrolment } from '../../../electron/hall-client';
import { HallCallError, type HallAnswer, type HallRequest } from '../../../electron/hall-wire';
import type { Handlers } from '../../../electron/ipc';
import { sha256Hex } from './browserArchive';
import { blobStore, metaStore } from './blobStore';
import { browserSyncKey } from './browserKeys';

export const HALL_KEY = 'onewindow.hall';
const DEFAULT_MAX_RESPONSE = 32 * 1024 * 1024;

/** One exchange with fetch: bounded in time and size; failures by code, like the Node transport. */
export async function fetchHall(r: HallRequest): Promise<HallAnswer> {
  const address = checkHallAddress(r.base);
  if (!address.ok) throw new HallCallError(address.code, address.code);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), r.timeoutMs);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (r.body !== undefined) headers['content-type'] = r.contentType ?? 'application/json';
    if (r.token) headers.authorization = `Bearer ${r.token}`;
    let res: Response;
    try {
      res = await fetch(new URL(r.path, r.base), {
        method: r.method,
        headers,
        body: r.body as BodyInit | undefined,
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch {
      throw new HallCallError('unreachable', controller.signal.aborted ? 'timeout' : 'network');
    }
    let text: string;
    try {
      const buf = await res.arrayBuffer();
      if (buf.byteLength > (r.maxResponseBytes ?? DEFAULT_MAX_RESPONSE))
        throw new HallCallError('bad_response', 'response_too_large');
      text = new TextDecoder().decode(buf);
    } catch (e) {
      if (e instanceof HallCallError) throw e;
      throw new HallCallError('unreachable', controller.signal.aborted ? 'timeout' : 'reset');
    }
    let body: unknown = null;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new HallCallError('bad_response', `not_json_${res.status}`);
      }
    }
    return { status: res.status, body, fingerprint: null };
  } finally {
    clearTimeout(timer);
  }
}

type HallHandlers = Pick<Handlers, keyof typeof hallContract>;

export interface BrowserHallOptions {
  send?: (r: HallRequest) => Promise<HallAnswer>;
  timeoutMs?: number;
}

export function hallHandlers(storage: Storage, options: BrowserHallOptions = {}): HallHandlers {
  const client = createHallClient({
    store: {
      async load() {
        const raw = storage.getItem(HALL_KEY);
        if (!raw) return null;
        try {
          const e = JSON.parse(raw) as Partial<Enrolment>;
          return e.version === 1 && typeof e.serverUrl === 'string' ? (e as Enrolment) : null;
        } catch {
          throw new HostError('integrity', 'hall_enrolment_damaged');
        }
      },
      async save(e) {
        storage.setItem(HALL_KEY, JSON.stringify(e));
      },
    },
    keys: browserSyncKey,
    async readBlob(source) {
      if (source.kind === 'attachment') {
        const bytes = await blobStore.get('attachments', source.id);
        if (!bytes) throw new HostError('not_found', 'attachment_not_found');
        return bytes;
      }
      const bytes = await blobStore.get('archive', source.id);
      const meta = await metaStore.get<{ sha256: string }>('archive', source.id);
      if (!bytes || !meta) throw new HostError('not_found', 'archive_item_not_found');
      return bytes;
    },
    sha256Hex,
    send: options.send ?? fetchHall,
    // Vite defines it in the app; a unit test has no build step.
    appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'test',
    pinsCertificates: false,
    timeoutMs: options.timeoutMs,
  });
  return {
    'hall.status': () => client.status(),
    'hall.probe': (args) => client.probe(args),
    'hall.enrol': (args) => client.enrol(args),
    'hall.session': () => client.session(),
    'hall.push': (args) => client.push(args),
    'hall.pull': (args) => client.pull(args),
    'hall.putBlob': (args) => client.putBlob(args),
    'hall.missingBlobs': (args) => client.missingBlobs(args),
    'hall.refill': (args) => client.refill(args),
    'hall.allocateNumber': (args) => client.allocateNumber(args),
    'hall.sealBundle': (args) => client.sealBundle(args),
    'hall.floor': (args) => client.floor(args),
    'hall.rating': (args) => client.rating(args),
    'hall.numbers': (args) => client.numbers(args),
  };
}
