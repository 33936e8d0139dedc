// Calls `onIdle` after `minutes` without keyboard, mouse or touch input. One timer, re-armed
// to the exact deadline when it fires early: input itself only records a time stamp, so a
// moving mouse costs nothing.
import { useEffect, useRef } from 'react';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(minutes: number, active: boolean, onIdle: () => void) {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!active) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      timer = setTimeout(
        () => {
          if (Date.now() - last >= limit) onIdleRef.current();
          else arm();
        },
        Math.max(0, last + limit - Date.now()),
      );
    };
    const seen = () => {
      last = Date.now();
    };
    for (const type of INPUT_EVENTS)
      window.addEventListener(type, seen, { passive: true, capture: true });
    arm();
    return () => {
      clearTimeout(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, seen, { capture: true });
    };
  }, [minutes, active]);
}
