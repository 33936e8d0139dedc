// The floor as the clerk's screen sees it: one FloorPort for this page (the hall's when the
// station is enrolled, else the station's own IndexedDB), its latest snapshot (watched, so a
// call at another window or a ticket from the kiosk shows at once), and which window this
// browser window is (several windows can run on one PC: remembered per tab).
import { useEffect } from 'react';
import { create } from 'zustand';
import { floorPortFor } from '../../data/floorHall';
import { appDb } from '../../data/stationDb';
import { getStation } from '../../data/station';
import type { FloorPort, FloorSnapshot } from '../../domain/floor/types';
import { host } from '../../host';

const WINDOW_KEY = 'onewindow.floorWindow';

interface FloorState {
  port: FloorPort | null;
  snapshot: FloorSnapshot | null;
  /** This tab's window (station code of a window in the settings), or null. */
  window: string | null;
  stationCode: string | null;
  setWindow: (id: string) => void;
}

export const useFloorStore = create<FloorState>((set) => ({
  port: null,
  snapshot: null,
  window: sessionStorage.getItem(WINDOW_KEY),
  stationCode: null,
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
      stop = port.watch((snapshot) => useFloorStore.setState({ snapshot }));
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
