// The office signing key of the browser host: an ECDSA P-256 pair created on first use with a
// non-extractable private key, kept as CryptoKey objects in its own IndexedDB database (the
// browser stores the key material; script can use it but never read it out).
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

const OFFICE = 'office';
let db: HostKeysDb | null = null;
let loading: Promise<KeyRow> | null = null;

const base64 = (bytes: ArrayBuffer) => {
  let bin = '';
  for (const b of new Uint8Array(bytes)) bin += String.fromCharCode(b);
  return btoa(bin);
};

async function keyIdOf(spki: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki));
  return [...digest.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function loadOrCreate(): Promise<KeyRow> {
  const d = (db ??= new HostKeysDb());
  const found = await d.keys.get(OFFICE);
  if (found) return found;
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const spki = await crypto.subtle.exportKey('spki', pair.publicKey);
  const row: KeyRow = {
    id: OFFICE,
    privateKey: pair.privateKey,
    spki: base64(spki),
    keyId: await keyIdOf(spki),
  };
  // Two tabs creating at once: the first stored key wins, the other tab uses it.
  return d.transaction('rw', d.keys, async () => {
    const raced = await d.keys.get(OFFICE);
    if (raced) return raced;
    await d.keys.put(row);
    return row;
  });
}

function officeKey(): Promise<KeyRow> {
  loading ??= loadOrCreate().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

export const browserKeys = {
  async publicKey() {
    const k = await officeKey();
    return { spki: k.spki, keyId: k.keyId };
  },
  async sign(payload: string) {
    const k = await officeKey();
    const sig = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      k.privateKey,
      new TextEncoder().encode(payload),
    );
    return { signature: base64(sig) };
  },
};
