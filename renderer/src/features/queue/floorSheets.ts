// The floor's figures as tables of the statistics screen and its monthly .xlsx (issue 18 item 5):
// beside the efficiency tables, the same Sheet rows are shown and exported.
import { useEffect, useState } from 'react';
import { appDb } from '../../data/stationDb';
import { floorPort, useFloorStore, useFloorWatch } from './floorStore';
import type { OneWindowDb } from '../../data/db';
import type { FloorPort } from '../../domain/floor/types';
import type { FloorStatsInput } from './floorTables';

export { floorSheets, type FloorStatsInput } from './floorTables';

/**
 * The month's tickets from the floor store this station uses (its own, or the hall's when
 * enrolled — every window's), the windows and the users' names. The hall unreachable: `offline`.
 */
export async function loadFloorStats(
  db: OneWindowDb,
  port: FloorPort,
  month: string,
): Promise<FloorStatsInput> {
  const [tickets, snapshot, users] = await Promise.all([
    port.monthTickets ? port.monthTickets(month) : Promise.resolve(null),
    port.snapshot(),
    db.users.toArray(),
  ]);
  return {
    tickets: tickets?.ok ? tickets.value : [],
    offline: tickets !== null && !tickets.ok,
    settings: snapshot.ok ? snapshot.value.settings : null,
    userNames: new Map(users.map((u) => [u.id, u.name])),
  };
}

/** The month's floor figures' input, read again whenever the floor moves. */
export function useFloorStats(month: string, valid: boolean): FloorStatsInput | null {
  useFloorWatch();
  const rev = useFloorStore((s) => s.snapshot?.rev);
  const [input, setInput] = useState<FloorStatsInput | null>(null);
  useEffect(() => {
    if (!valid) return;
    let live = true;
    void floorPort()
      .then((port) => loadFloorStats(appDb(), port, month))
      .then((f) => live && setInput(f));
    return () => {
      live = false;
    };
  }, [month, valid, rev]);
  return input;
}
