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

/** While the store does not answer, how often a screen asks again. */
export const RETRY_MS = 3_000;

/** The floor as the port last told it: a first read, then its watch, and a periodic check. */
export function useFloorSnapshot(port: FloorPort, healthMs = HEALTH_CHECK_MS): FloorView {
  const [view, setView] = useState<FloorView>({ snapshot: null, failure: null });
  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    // Only the newest read speaks: an old failure answered late never covers a newer success.
    let reads = 0;
    const take = (snapshot: FloorSnapshot) => {
      if (!live) return;
      setView((v) =>
        v.snapshot && v.snapshot.rev > snapshot.rev && v.snapshot.day === snapshot.day
          ? { ...v, failure: null }
          : { snapshot, failure: null },
      );
    };
    const read = async () => {
      const mine = (reads += 1);
      const r = await port
        .snapshot()
        .catch((e: unknown): FloorFailure => ({ ok: false, code: 'offline', message: String(e) }));
      if (!live || mine !== reads) return;
      if (r.ok) take(r.value);
      else setView((v) => ({ ...v, failure: r }));
      timer = window.setTimeout(() => void read(), r.ok ? healthMs : RETRY_MS);
    };
    void read();
    const stop = port.watch(take);
    return () => {
      live = false;
      stop();
      window.clearTimeout(timer);
    };
  }, [port, healthMs]);
  return view;
}
