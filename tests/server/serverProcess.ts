// The hall server as a real process for the kill tests (pg-kill, pg-numbers-kill): started with
// `npm run server`'s entry on a free port against the test database, SIGKILLed by the test, and
// every one left killed at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../server/testing/cluster';

const root = resolve(import.meta.dirname, '../..');

export function serverProcesses() {
  const children: ChildProcess[] = [];
  return {
    async start(databaseUrl: string, data: string): Promise<{ base: string; child: ChildProcess }> {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'server/main.ts', 'serve', '--port', String(port)],
        { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, OW_HALL_DATA: data } },
      );
      children.push(child);
      let out = '';
      child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      for (let i = 0; i < 300 && !out.includes('Hall server listening'); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      if (!out.includes('Hall server listening')) throw new Error(`server did not start: ${out}`);
      return { base: `http://127.0.0.1:${port}/v1`, child };
    },
    killAll() {
      for (const c of children) c.kill('SIGKILL');
    },
  };
}

/** POST a JSON body to the server, with the session token when given. */
export async function post(base: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
