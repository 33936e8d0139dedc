// How the issuance desk records an issue: on a station enrolled with a hall, an internal
// certificate number comes from the hall (data/hallNumbers.ts); on a lone station, from the
// station's own counter inside dispatch, as always. Whether the station is enrolled is asked of
// the host at the moment of issue — never guessed from a screen's stale state, so an enrolled
// station can never number a certificate by its own counter.
import { useCallback } from 'react';
import { dispatchWithHallNumber, hostNumbers, needsHallNumber } from '../../data/hallNumbers';
import type { DispatchResult } from '../../data/dispatch';
import { appDb } from '../../data/stationDb';
import { currentActor } from '../../app/stores/sessionStore';
import { host } from '../../host';
import { isRole, type Command } from '../../domain';
import { useCommand } from '../shared/useCommand';
import { useHallEnrolment, useSyncStatus } from '../shared/syncStatus';

export function useIssueCommand() {
  const run = useCommand();
  return useCallback(
    async (command: Command, expectedVersion: number): Promise<DispatchResult> => {
      // A certificate with a typed-in number still goes through the hall path on an enrolled
      // station: an attempt held for an internal number is then abandoned and voided.
      const certificate =
        command.type === 'certificateIssued' || command.type === 'certificateReissued';
      if (!needsHallNumber(command) && !certificate) return run(command, expectedVersion);
      const status = await host.hallStatus({});
      if (!status.enrolled) return run(command, expectedVersion);
      const actor = currentActor();
      if (!isRole(actor.role)) return { ok: false, refusal: { code: 'forbidden_role' } };
      return dispatchWithHallNumber(appDb(), hostNumbers(host), command, {
        actor: { id: actor.id, name: actor.name, role: actor.role },
        expectedVersion,
      });
    },
    [run],
  );
}

/**
 * Whether an internal number cannot be had now: the station is enrolled and the sync says the
 * hall cannot be reached. (Not known yet, or a lone station: the issue is tried, and a hall that
 * does not answer is refused with the same reason.)
 */
export function useHallNumbersOffline(): boolean {
  const enrolled = useHallEnrolment((s) => s.status?.enrolled === true);
  const phase = useSyncStatus()?.phase;
  return enrolled && phase === 'offline';
}
