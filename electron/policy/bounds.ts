// Remembered window size and position, restored only where the clerk can see it: a laptop
// taken from the docked monitor to a field site must not open its window off screen.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedBounds extends Rect {
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 1024, height: 640 } as const;

/** How much of the window must be on a display to count as visible (title bar reachable). */
const MIN_VISIBLE = { width: 160, height: 48 } as const;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

export interface RestoredBounds {
  /** Absent position = let the system centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** `workAreas`: the work area of every display now attached. */
export function restoreBounds(
  saved: SavedBounds | null,
  workAreas: readonly Rect[],
): RestoredBounds {
  const primary = workAreas[0];
  const fallback = (): RestoredBounds => ({
    width: Math.min(DEFAULT_SIZE.width, primary?.width ?? DEFAULT_SIZE.width),
    height: Math.min(DEFAULT_SIZE.height, primary?.height ?? DEFAULT_SIZE.height),
    maximized: saved?.maximized ?? false,
  });
  if (!saved) return fallback();
  // The title bar strip: the part a clerk needs to grab to move the window.
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: MIN_VISIBLE.height };
  const display = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && saved.y >= area.y;
  });
  if (!display) return fallback();
  return {
    x: saved.x,
    y: saved.y,
    width: Math.min(saved.width, display.width),
    height: Math.min(saved.height, display.height),
    maximized: saved.maximized,
  };
}
