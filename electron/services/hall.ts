// The hall client of the Electron host: the shared client (../hall-client.ts) over the Node
// transport that pins the server's certificate (hallTransport.ts), the station's sync key
// (keys.ts syncKeyFilePath — not the office key) and the enrolment kept in
// <dataDir>/hall/enrolment.json (written atomically; it holds no secret: the private key stays in
// its own file, the session token only in memory).
import { mkdir, readFile } from 'node:fs/promises';
import { HostError } from '../contract';
import { createHallClient, type Enrolment, type HallService } from '../hall-client';
import type { PrintArchive } from './archive';
import type { AttachmentStore } from './attachments';
import { realFs, writeFileAtomic } from './fsutil';
import { sha256Hex } from './hash';
import { hallRequest } from './hallTransport';
import { createKeyService, syncKeyFilePath, type KeyService } from './keys';
import { resolveInside } from './paths';

export type { HallService } from '../hall-client';

export interface HallServiceDeps {
  dataDir: string;
  attachments: AttachmentStore;
  archive: PrintArchive;
  appVersion: string;
  /** Default: the station's sync key under dataDir. */
  keys?: KeyService;
  timeoutMs?: number;
  send?: typeof hallRequest;
  now?: () => Date;
}

export function enrolmentFilePath(dataDir: string): string {
  return resolveInside(dataDir, 'hall', 'enrolment.json');
}

function parseEnrolment(text: string): Enrolment | null {
  const raw = JSON.parse(text) as Partial<Enrolment>;
  if (raw.version !== 1 || typeof raw.serverUrl !== 'string' || typeof raw.hallId !== 'string')
    return null;
  return raw as Enrolment;
}

export function createHallService(deps: HallServiceDeps): HallService {
  const file = enrolmentFilePath(deps.dataDir);
  return createHallClient({
    store: {
      async load() {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw new HostError('io', 'hall_enrolment_unreadable');
        }
        try {
          return parseEnrolment(text);
        } catch {
          throw new HostError('integrity', 'hall_enrolment_damaged');
        }
      },
      async save(record) {
        await mkdir(resolveInside(deps.dataDir, 'hall'), { recursive: true });
        await writeFileAtomic(file, JSON.stringify(record, null, 2), realFs);
      },
    },
    keys: deps.keys ?? createKeyService(deps.dataDir, { file: syncKeyFilePath(deps.dataDir) }),
    async readBlob(source) {
      if (source.kind === 'attachment') return (await deps.attachments.get(source.id)).bytes;
      return (await deps.archive.get(source.id)).pdf;
    },
    sha256Hex,
    send: deps.send ?? hallRequest,
    appVersion: deps.appVersion,
    pinsCertificates: true,
    timeoutMs: deps.timeoutMs,
    now: deps.now,
  });
}
