// How screens change data: one call, the signed-in user as actor, the refusal as a sentence.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dispatch,
  type DispatchOptions,
  type DispatchRefusal,
  type DispatchResult,
} from '../../data/dispatch';
import { documentTypeOf } from '../../data/decisionRecords';
import { ensureLease, hostNumbersChannel } from '../../data/numberLeases';
import { appDb } from '../../data/stationDb';
import { host } from '../../host';
import { currentActor } from '../../app/stores/sessionStore';
import { isRole, type Command } from '../../domain';

const DATA_CODES = new Set([
  'stale',
  'read_only',
  'no_station',
  'numbering_failed',
  'wrong_door',
  'hall_offline',
  'hall_number_refused',
  'numbers_exhausted',
]);

export function useCommand() {
  return useCallback(
    async (
      command: Command,
      expectedVersion?: number,
      // What the decision records with it (the scans linked at intake).
      extra: Pick<DispatchOptions, 'attachments'> = {},
    ): Promise<DispatchResult> => {
      const actor = currentActor();
      if (!isRole(actor.role)) return { ok: false, refusal: { code: 'forbidden_role' } };
      // A notice number from the hall's lease: a station holding none asks for a block first.
      await ensureLease(appDb(), hostNumbersChannel(host), documentTypeOf(command)).catch(
        () => undefined,
      );
      return dispatch(appDb(), command, {
        actor: { id: actor.id, name: actor.name, role: actor.role },
        expectedVersion,
        ...extra,
      });
    },
    [],
  );
}

/**
 * The refusal in the user's language: what was wrong and what to do. `commandWords` names the
 * namespace whose `command.*` keys say the command's name — a screen with its own words for its
 * commands (the approval screens say 审查通过, not "review") passes its own.
 */
export function useRefusalText(commandWords = 'data') {
  const { t, i18n } = useTranslation(['domain', 'data', commandWords]);
  // Codes in the parameters (a role, a status, a command) are words to the clerk, not codes.
  const word = (ns: string, key: string, value: string | number) =>
    i18n.exists(`${ns}:${key}.${value}`) ? t(`${ns}:${key}.${value}`) : value;
  return (refusal: DispatchRefusal) => {
    const ns = DATA_CODES.has(refusal.code) ? 'data' : 'domain';
    const p = { ...(refusal.params ?? {}) };
    if (p.role !== undefined) p.role = word('domain', 'role', p.role);
    if (p.status !== undefined) p.status = word('domain', 'status', p.status);
    if (p.command !== undefined) {
      const own = word(commandWords, 'command', p.command);
      p.command = own !== p.command ? own : word('data', 'command', p.command);
    }
    return t(`refusal.${refusal.code}`, { ns, ...p });
  };
}
