// The keys of the browser host: ECDSA P-256 pairs created on first use with a non-extractable
// private key, kept as CryptoKey objects in their own IndexedDB database (the browser stores the
// key material; script can use it but never read it out). Two keys, as in Electron: the office
// key signs certificate QR codes, the station's sync key signs hall sessions and pushes.
import Dexie, { type Table } from 'dexie';

interface KeyRow {
  id: string;
  privateKey: CryptoKey;
  spki: string;
  keyId: string;
}

class HostKeysDb extends Dexie {
  keys!: Table<KeyRow, string>;
  constructor() {
    super('onewindow-host-keys', { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ keys: 'id' });
  }
}

let db: HostKeysDb | null = null;

const base64 = (bytes: ArrayBuffer) => {
  let bin = '';
  for (const b of new Uint8Array(bytes)) bin += String.fromCharCode(b);
  return btoa(bin);
};

async function keyIdOf(spki: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki));
  return [...digest.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function loadOrCreate(name: string): Promise<KeyRow> {
  const d = (db ??= new HostKeysDb());
  const found = await d.keys.get(name);
  if (found) return found;
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const spki = await crypto.subtle.exportKey('spki', pair.publicKey);
  const row: KeyRow = {
    id: name,
    privateKey: pair.privateKey,
    spki: base64(spki),
    keyId: await keyIdOf(spki),
  };
  // Two tabs creating at once: the first stored key wins, the other tab uses it.
  return d.transaction('rw', d.keys, async () => {
    const raced = await d.keys.get(name);
    if (raced) return raced;
    await d.keys.put(row);
    return row;
  });
}

/** One named key of the host: created on first use, then always the same. */
function browserKey(name: 'office' | 'sync') {
  let loading: Promise<KeyRow> | null = null;
  const key = () =>
    (loading ??= loadOrCreate(name).catch((e: unknown) => {
      loading = null;
      throw e;
    }));
  return {
    async publicKey() {
      const k = await key();
      return { spki: k.spki, keyId: k.keyId };
    },
    async sign(payload: string) {
      const k = await key();
      const sig = await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        k.privateKey,
        new TextEncoder().encode(payload),
      );
      return { signature: base64(sig) };
    },
  };
}

export const browserKeys = browserKey('office');
export const browserSyncKey = browserKey('sync');
