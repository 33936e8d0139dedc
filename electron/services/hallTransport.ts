// One HTTP(S) exchange with the hall server, as the main process makes it.
// - https: the TLS connection is opened first and the server's certificate compared (SHA-256 of
//   the DER certificate) with the fingerprint pinned at enrolment; only then is the request
//   written on that socket. So a wrong server never sees a token, a signature or an event.
//   Certificates are not checked against a CA: a hall server's certificate is self-signed and
//   the pin is the trust (what the administrator compared on screen at enrolment).
// - http: only to a loopback address (checkHallAddress), for a hall server on this computer.
// - Every exchange has a deadline; no answer in time, a refused connection or a reset is
//   'unreachable'. Bodies are bounded both ways. Nothing here logs: the caller decides.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { checkHallAddress } from '../contract-hall';
import { HallCallError, type HallAnswer, type HallRequest } from '../hall-wire';

const DEFAULT_MAX_RESPONSE = 32 * 1024 * 1024;

/** SHA-256 of the peer's DER certificate, lower-case hex without separators. */
function fingerprintOf(socket: TLSSocket): string | null {
  const cert = socket.getPeerCertificate();
  if (!cert || typeof cert.fingerprint256 !== 'string') return null;
  return cert.fingerprint256.replace(/:/g, '').toLowerCase();
}

function openTls(url: URL, pin: string | null, deadline: AbortSignal): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = tlsConnect({
      host,
      port: Number(url.port || 443),
      // SNI only for names, never for IP addresses (RFC 6066).
      ...(isIP(host) === 0 ? { servername: host } : {}),
      // The pin below is the check; a self-signed hall certificate has no CA to verify against.
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
      minVersion: 'TLSv1.2',
    });
    const onAbort = () => {
      socket.destroy();
      reject(new HallCallError('unreachable', 'timeout'));
    };
    deadline.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      deadline.removeEventListener('abort', onAbort);
      reject(new HallCallError('unreachable', e.code ?? 'tls_error'));
    });
    socket.once('secureConnect', () => {
      deadline.removeEventListener('abort', onAbort);
      const seen = fingerprintOf(socket);
      if (seen === null) {
        socket.destroy();
        reject(new HallCallError('certificate_mismatch', 'no_certificate'));
      } else if (pin !== null && seen !== pin) {
        socket.destroy();
        reject(new HallCallError('certificate_mismatch', 'certificate_mismatch', seen));
      } else {
        resolve(socket);
      }
    });
  });
}

function readBody(res: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        res.destroy();
        reject(new HallCallError('bad_response', 'response_too_large'));
        return;
      }
      chunks.push(c);
    });
    res.once('end', () => resolve(Buffer.concat(chunks)));
    res.once('error', (e: NodeJS.ErrnoException) =>
      reject(new HallCallError('unreachable', e.code ?? 'reset')),
    );
  });
}

/** One request/answer. Throws HallCallError; never rejects with anything else. */
export async function hallRequest(r: HallRequest): Promise<HallAnswer> {
  const checked = checkHallAddress(r.base);
  if (!checked.ok) throw new HallCallError(checked.code, checked.code);
  const { url, secure } = checked;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), r.timeoutMs);
  try {
    let socket: TLSSocket | null = null;
    let fingerprint: string | null = null;
    if (secure) {
      socket = await openTls(url, r.pin, controller.signal);
      fingerprint = fingerprintOf(socket);
    }
    const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
    const headers: Record<string, string> = {
      host: url.host,
      accept: 'application/json',
      connection: 'close',
    };
    if (body) {
      headers['content-type'] = r.contentType ?? 'application/json';
      headers['content-length'] = String(body.byteLength);
    }
    if (r.token) headers.authorization = `Bearer ${r.token}`;
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest({
        method: r.method,
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(url.port || (secure ? 443 : 80)),
        path: r.path,
        headers,
        signal: controller.signal,
        // https: the verified socket, nothing else. http: Node's own connection.
        ...(socket ? { createConnection: () => socket } : { agent: false }),
      });
      req.once('response', resolve);
      req.once('error', (e: NodeJS.ErrnoException) => {
        socket?.destroy();
        reject(
          new HallCallError(
            'unreachable',
            controller.signal.aborted ? 'timeout' : (e.code ?? 'network'),
          ),
        );
      });
      req.end(body);
    });
    let raw: Buffer;
    try {
      raw = await readBody(res, r.maxResponseBytes ?? DEFAULT_MAX_RESPONSE);
    } catch (e) {
      if (controller.signal.aborted) throw new HallCallError('unreachable', 'timeout');
      throw e;
    }
    let parsed: unknown = null;
    if (raw.length > 0) {
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new HallCallError('bad_response', `not_json_${res.statusCode ?? 0}`);
      }
    }
    return { status: res.statusCode ?? 0, body: parsed, fingerprint };
  } finally {
    clearTimeout(timer);
  }
}
