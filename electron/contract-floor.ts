// The hall floor's host channel (issue 18): an administrator opens a floor device page — the
// ticket machine, the hall display, a rating device — in a new window of this station. The page
// is named, never a URL: the host builds the app's own address from it, so a page can open
// nothing but the app's floor pages. Spread into the one contract by contract.ts.
import { z } from 'zod';
import { stationCodeSchema } from '../server/protocol';

export const floorPageSchema = z.enum(['kiosk', 'display', 'rating']);
export type FloorPage = z.infer<typeof floorPageSchema>;

/** The sizes the devices have (docs/floor.md): portrait kiosk, TV, tablet. */
export const FLOOR_WINDOW_SIZES: Readonly<Record<FloorPage, { width: number; height: number }>> = {
  kiosk: { width: 1080, height: 1920 },
  display: { width: 1920, height: 1080 },
  rating: { width: 800, height: 1280 },
};

/** The route of a floor page: '#/floor/kiosk', '#/floor/rating/HJ02'. */
export function floorPageHash(page: FloorPage, window?: string): string {
  const parts = ['floor', page, ...(window ? [window] : [])];
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export const floorContract = {
  'floor.openWindow': {
    args: z
      .object({
        page: floorPageSchema,
        /** The window a rating device faces (its counter station's code); only for 'rating'. */
        window: stationCodeSchema.optional(),
      })
      .strict()
      .refine((a) => a.page === 'rating' || a.window === undefined, {
        message: 'window is only for the rating page',
      }),
    /** opened false: the browser blocked the new window (pop-ups). */
    result: z.object({ opened: z.boolean() }),
  },
} as const;
