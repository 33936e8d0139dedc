// User events as a station's log writes them, with a password hash to send beside them: the
// push and the restore refill sign those hashes (server/protocol/signing.ts).
import { nodeChainHash } from '../../server/crypto';
import type { WireEvent } from '../../server/protocol';
import { GENESIS_HASH } from '../../renderer/src/domain/audit';

export const HASH =
  'pbkdf2-sha256$600000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=';

/** A chain of user events as a station's log writes them: set-up, a user created, a sign-in. */
export function userChain(station: string, userId: string): WireEvent[] {
  const bodies = [
    { streamId: 'station', type: 'station.set_up', payload: { stationCode: station } },
    {
      streamId: `user:${userId}`,
      type: 'user.created',
      payload: { id: userId, username: 'wangchuang', name: '王窗口', role: 'clerk' },
    },
    { streamId: `user:${userId}`, type: 'auth.signed_in', payload: { username: 'wangchuang' } },
  ];
  let prev = GENESIS_HASH;
  return bodies.map((b, i) => {
    const body = {
      id: `${station}-${i + 1}`,
      schema: 2,
      chainId: station,
      stationId: station,
      stationSeq: i + 1,
      ...b,
      actor: { id: 'u-admin', name: '管理员', role: 'admin' },
      at: '2026-12-01T08:00:00.000Z',
      prevHash: prev,
    };
    const hash = nodeChainHash(prev, body);
    prev = hash;
    return { ...body, hash } as WireEvent;
  });
}
