// Content-addressed blobs (scans, archived papers): PUT checks the bytes hash to the name, the
// file is written whole (temp file, then rename) before its row says it is there.
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, MAX_BLOB_BYTES, blobsMissingRequestSchema, hashSchema } from '../protocol';
import { randomToken, sha256Hex } from '../crypto';
import { HallError } from './errors';
import { requireStation } from './auth';
import type { HallContext } from './context';

export const blobPath = (dir: string, hash: string) => join(dir, hash.slice(0, 2), hash);

function hashParam(params: unknown): string {
  const h = (params as { hash?: unknown }).hash;
  const r = hashSchema.safeParse(h);
  if (!r.success) throw new HallError('bad_request', 'a blob is named by its SHA-256 in hex');
  return r.data;
}

export function blobRoutes(app: FastifyInstance, ctx: HallContext) {
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_BLOB_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.put(`${API_PREFIX}/blobs/:hash`, { bodyLimit: MAX_BLOB_BYTES }, async (req, reply) => {
    const stationCode = await requireStation(ctx, req);
    const hash = hashParam(req.params);
    if (!Buffer.isBuffer(req.body)) {
      throw new HallError('bad_request', 'send the bytes as application/octet-stream');
    }
    if (sha256Hex(req.body) !== hash) {
      throw new HallError('blob_mismatch', 'the bytes do not hash to the name');
    }
    const path = blobPath(ctx.blobDir, hash);
    await mkdir(join(ctx.blobDir, hash.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${randomToken(6)}.part`;
    await writeFile(tmp, req.body);
    await rename(tmp, path);
    await ctx.db.query(
      `INSERT INTO blobs (sha256, size, station_code) VALUES ($1, $2, $3)
       ON CONFLICT (sha256) DO NOTHING`,
      [hash, req.body.length, stationCode],
    );
    ctx.log(`blob stored by ${stationCode}: ${req.body.length} bytes`);
    return reply.code(201).send({ sha256: hash, size: req.body.length });
  });

  app.get(`${API_PREFIX}/blobs/:hash`, async (req, reply) => {
    await requireStation(ctx, req);
    const hash = hashParam(req.params);
    const [row] = await ctx.db.query('SELECT size FROM blobs WHERE sha256 = $1', [hash]);
    if (!row)
      return reply
        .code(404)
        .send({ error: { code: 'blob_missing', message: 'no blob', missing: [hash] } });
    const path = blobPath(ctx.blobDir, hash);
    const s = await stat(path).catch(() => null);
    if (!s) throw new HallError('internal', 'the blob row has no file (restore the blob folder)');
    return reply
      .type('application/octet-stream')
      .header('content-length', s.size)
      .send(createReadStream(path));
  });

  app.post(`${API_PREFIX}/blobs/missing`, async (req) => {
    await requireStation(ctx, req);
    const r = blobsMissingRequestSchema.safeParse(req.body);
    if (!r.success) throw new HallError('bad_request', 'hashes: SHA-256 in hex');
    return { missing: await ctx.store.missingBlobs([...new Set(r.data.hashes)]) };
  });
}
