import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../../electron/contract';
import { createAttachmentStore } from '../../../electron/services/attachments';
import { sha256Hex } from '../../../electron/services/hash';
import { dataLayout, resolveInside } from '../../../electron/services/paths';
import { bytesOf, tempDir } from './helpers';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof HostError ? e.code : `untyped: ${String(e)}`),
  );

describe('attachments', () => {
  it('stores the same bytes once, under attachments/ab/cdef…', async () => {
    const dir = await tempDir();
    const store = createAttachmentStore(dir);
    const scan = bytesOf('营业执照扫描件 page 1');
    const a = await store.put(scan);
    const b = await store.put(bytesOf('营业执照扫描件 page 1'));
    expect(a).toEqual({ id: sha256Hex(scan), size: scan.byteLength, existed: false });
    expect(b.existed).toBe(true);
    const shard = join(dir, 'attachments', a.id.slice(0, 2));
    expect(await readdir(shard)).toEqual([a.id.slice(2)]);
    expect(Buffer.from((await store.get(a.id)).bytes).toString('utf8')).toBe(
      '营业执照扫描件 page 1',
    );
  });

  it('refuses ids that try to leave the data folder', async () => {
    const dir = await tempDir();
    const store = createAttachmentStore(dir);
    for (const id of ['../../etc/passwd', '..', `${'a'.repeat(62)}/..`, 'A'.repeat(64), '']) {
      expect(await codeOf(store.get(id))).toBe('invalid_args');
    }
  });

  it('refuses a symlink planted inside the data folder that points outside', async () => {
    const dir = await tempDir();
    const outside = await tempDir('ow-outside-');
    const secret = bytesOf('not yours');
    await writeFile(join(outside, 'secret'), secret);
    const id = sha256Hex(secret);
    await mkdir(join(dir, 'attachments', id.slice(0, 2)), { recursive: true });
    await symlink(join(outside, 'secret'), join(dir, 'attachments', id.slice(0, 2), id.slice(2)));
    expect(await codeOf(createAttachmentStore(dir).get(id))).toBe('invalid_args');
  });

  it('a missing attachment is not_found, a changed one fails integrity', async () => {
    const dir = await tempDir();
    const store = createAttachmentStore(dir);
    expect(await codeOf(store.get('b'.repeat(64)))).toBe('not_found');
    const { id } = await store.put(bytesOf('original'));
    await writeFile(store.pathOf(id), 'tampered');
    expect(await codeOf(store.get(id))).toBe('integrity');
  });

  it('resolveInside refuses traversal and absolute segments', () => {
    const root = dataLayout('/data/ow').root;
    expect(resolveInside(root, 'backups', 'x.owbak')).toBe('/data/ow/backups/x.owbak');
    expect(() => resolveInside(root, '..', 'ow2')).toThrow(HostError);
    expect(() => resolveInside(root, 'a/../../b')).toThrow(HostError);
    expect(() => resolveInside(root, '/etc')).toThrow(HostError);
    expect(() => resolveInside(root, 'a\0b')).toThrow(HostError);
  });
});
