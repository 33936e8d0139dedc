// The public follow-the-queue page (扫码查看排队进度, docs/floor.md): `GET /q/<ticket id>` —
// read-only, without a session, for the applicant's phone behind the ticket's QR code. The key
// is the ticket id (`tk-` + a random UUID: unguessable); anything else, an id of another day or
// none the hall has answers 404 with what to do. It shows the number, the business, the status
// in words, the people ahead (domain/floor/follow.ts over the order rules) and the hall time —
// a ticket holds no personal data and nothing of a case. Bounded per address, like enrolment.
// The log says the status code only: a ticket id is the page's key and is not written down.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { hallInfo } from '../admin';
import { FOLLOW_TICKET_ID, followStatus } from '../../renderer/src/domain/floor/follow';
import type { HallContext } from './context';
import { FOLLOW_CSP, followHtml, followProblemHtml } from './followPage';
import { HallError } from './errors';

function send(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', FOLLOW_CSP)
    .header('Referrer-Policy', 'no-referrer')
    .header('X-Frame-Options', 'DENY')
    .header('X-Robots-Tag', 'noindex, nofollow')
    .send(html);
}

export function followRoutes(app: FastifyInstance, ctx: HallContext) {
  const hallName = async () => (await hallInfo(ctx.db)).name ?? '';

  app.get<{ Params: { ticketId: string } }>('/q/:ticketId', async (req, reply) => {
    try {
      ctx.limitPublic(req.ip);
    } catch (e) {
      if (e instanceof HallError && e.code === 'rate_limited') {
        const after = Math.ceil(((e.detail.retryAfterMs as number | undefined) ?? 1000) / 1000);
        reply.header('Retry-After', String(after));
        return send(reply, 429, followProblemHtml('busy'));
      }
      throw e;
    }
    try {
      const id = req.params.ticketId;
      const found = FOLLOW_TICKET_ID.test(id) ? await ctx.floor.followTicket(id) : null;
      const name = await hallName();
      if (!found) return send(reply, 404, followProblemHtml('notFound', name));
      const status = followStatus(found.ticket, found.tickets, found.settings);
      return send(
        reply,
        200,
        followHtml({ hallName: name, ticket: found.ticket, status, now: ctx.now() }),
      );
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      ctx.log(`follow page failed: ${code}`);
      return send(reply, 500, followProblemHtml('failed'));
    }
  });

  // /q/ with no id, or with more than one segment: the same 404 page, not the API's JSON.
  app.get('/q/*', async (_req, reply) => send(reply, 404, followProblemHtml('notFound')));
  app.get('/q', async (_req, reply) => send(reply, 404, followProblemHtml('notFound')));
}
