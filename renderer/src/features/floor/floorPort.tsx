// Which FloorPort the floor's screens use, and the snapshot they follow. The port is given by
// the app (FloorPortProvider: the station's own store or the hall's, chosen by the queue's
// factory) or by a test; the screens never build one themselves.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { FloorFailure, FloorPort, FloorSnapshot } from '../../domain/floor/types';

const FloorPortContext = createContext<FloorPort | null>(null);

export function FloorPortProvider({ port, children }: { port: FloorPort; children: ReactNode }) {
  return <FloorPortContext.Provider value={port}>{children}</FloorPortContext.Provider>;
}

export function useFloorPort(): FloorPort {
  const port = useContext(FloorPortContext);
  if (!port) throw new Error('useFloorPort outside FloorPortProvider');
  return port;
}

/** How often a screen checks that the store still answers (the watch says nothing when it stops). */
export const HEALTH_CHECK_MS = 15_000;

export interface FloorView {
  snapshot: FloorSnapshot | null;
  /** The last failure to read the store, until a read succeeds again. */
  failure: FloorFailure | null;
}

/** The floor as the port last told it: a first read, then its watch, and a periodic check. */
export function useFloorSnapshot(port: FloorPort, healthMs = HEALTH_CHECK_MS): FloorView {
  const [view, setView] = useState<FloorView>({ snapshot: null, failure: null });
  useEffect(() => {
    let live = true;
    const take = (snapshot: FloorSnapshot) => {
      if (!live) return;
      setView((v) =>
        v.snapshot && v.snapshot.rev > snapshot.rev && v.snapshot.day === snapshot.day
          ? { ...v, failure: null }
          : { snapshot, failure: null },
      );
    };
    const read = async () => {
      const r = await port
        .snapshot()
        .catch((e: unknown): FloorFailure => ({ ok: false, code: 'offline', message: String(e) }));
      if (!live) return;
      if (r.ok) take(r.value);
      else setView((v) => ({ ...v, failure: r }));
    };
    void read();
    const stop = port.watch(take);
    const timer = setInterval(() => void read(), healthMs);
    return () => {
      live = false;
      stop();
      clearInterval(timer);
    };
  }, [port, healthMs]);
  return view;
}
