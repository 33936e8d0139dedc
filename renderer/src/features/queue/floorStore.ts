// The floor as the clerk's screen sees it: one FloorPort for this page (the hall's when the
// station is enrolled, else the station's own IndexedDB), its latest snapshot (watched, so a
// call at another window or a ticket from the kiosk shows at once), and which window this
// browser window is (several windows can run on one PC: remembered per tab).
import { useEffect } from 'react';
import { create } from 'zustand';
import { floorPortFor } from '../../data/floorHall';
import { appDb } from '../../data/stationDb';
import { getStation } from '../../data/station';
import { currentAt } from '../../domain/floor/rules';
import type { FloorPort, FloorSnapshot } from '../../domain/floor/types';
import { host } from '../../host';

const WINDOW_KEY = 'onewindow.floorWindow';

interface FloorState {
  port: FloorPort | null;
  snapshot: FloorSnapshot | null;
  /** This tab's window (station code of a window in the settings), or null. */
  window: string | null;
  stationCode: string | null;
  /** The hall's floor did not answer the last check (hall mode only). */
  offline: boolean;
  setWindow: (id: string) => void;
}

export const useFloorStore = create<FloorState>((set) => ({
  port: null,
  snapshot: null,
  window: sessionStorage.getItem(WINDOW_KEY),
  stationCode: null,
  offline: false,
  setWindow: (id) => {
    sessionStorage.setItem(WINDOW_KEY, id);
    set({ window: id });
  },
}));

let opening: Promise<FloorPort> | null = null;
let watchers = 0;
let stop: (() => void) | null = null;

/** The page's floor port, made once. */
export function floorPort(): Promise<FloorPort> {
  opening ??= (async () => {
    const db = appDb();
    const port = await floorPortFor(db, host);
    const station = await getStation(db);
    useFloorStore.setState({ port, stationCode: station?.stationCode ?? null });
    return port;
  })();
  return opening;
}

/** Keeps the snapshot fresh while a component that needs it is shown. */
export function useFloorWatch() {
  useEffect(() => {
    watchers += 1;
    let alive = true;
    void floorPort().then((port) => {
      if (!alive || stop) return;
      stop = port.watch((snapshot) => useFloorStore.setState({ snapshot, offline: false }));
      if (port.mode !== 'hall') return;
      // The watch says nothing while the hall is away: ask now and then, and say so.
      const check = async () => {
        const r = await port.snapshot();
        useFloorStore.setState(r.ok ? { offline: false, snapshot: r.value } : { offline: true });
      };
      void check();
      const timer = setInterval(() => void check(), 15_000);
      const stopWatch = stop;
      stop = () => {
        clearInterval(timer);
        stopWatch();
      };
    });
    return () => {
      alive = false;
      watchers -= 1;
      if (watchers === 0) {
        stop?.();
        stop = null;
      }
    };
  }, []);
}

/** The window this tab works at: the one chosen here, else the station's own if set up. */
export function useMyWindow() {
  const { snapshot, window, stationCode } = useFloorStore();
  const windows = snapshot?.settings.windows ?? [];
  const chosen = windows.find((w) => w.id === window);
  return chosen ?? windows.find((w) => w.id === stationCode) ?? null;
}

/**
 * A case just taken in (or decided) at this window belongs to the applicant being served here:
 * the ticket at the counter (办理中) with no case yet is linked to it, so its waiting and serving
 * times reach the case when the clerk finishes. Nothing when this tab is no window, no ticket is
 * being served, or the floor does not answer: the clerk can still link by hand (关联本案件).
 */
export async function linkServedTicket(caseId: string, clerkId: string): Promise<boolean> {
  try {
    const port = await floorPort();
    const snap = await port.snapshot();
    if (!snap.ok) return false;
    const { window, stationCode } = useFloorStore.getState();
    const windows = snap.value.settings.windows;
    const mine =
      windows.find((w) => w.id === window) ?? windows.find((w) => w.id === stationCode) ?? null;
    if (!mine) return false;
    const ticket = currentAt(mine.id, snap.value.tickets);
    if (!ticket || ticket.status !== 'serving' || ticket.caseId) return false;
    const r = await port.linkCase({ ticketId: ticket.id, caseId, clerkId });
    return r.ok;
  } catch {
    return false;
  }
}
