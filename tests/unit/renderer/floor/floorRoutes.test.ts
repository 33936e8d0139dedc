// The floor's routes and the lock of an enrolled device (features/floor/floorRoutes.ts).
import { describe, expect, it } from 'vitest';
import {
  floorHash,
  isFloorDeviceKind,
  lockedRoute,
  parseFloorHash,
} from '../../../../renderer/src/features/floor/floorRoutes';

describe('floor routes', () => {
  it('reads #/floor/<page>/… and nothing else', () => {
    expect(parseFloorHash('#/floor/kiosk')).toEqual({ page: 'kiosk', params: [] });
    expect(parseFloorHash('#/floor/rating/HJ02')).toEqual({ page: 'rating', params: ['HJ02'] });
    expect(parseFloorHash('#/cases/ZZ-1')).toBeNull();
    expect(parseFloorHash('')).toBeNull();
    // A broken escape is no page, not a crash.
    expect(parseFloorHash('#/floor/%E0%A4%A')).toEqual({ page: '', params: [] });
    expect(floorHash('rating', 'HJ02')).toBe('#/floor/rating/HJ02');
  });

  it('keeps an enrolled device on its own page, whatever the address says', () => {
    expect(lockedRoute('kiosk', null)).toEqual({ page: 'kiosk', params: [] });
    expect(lockedRoute('kiosk', parseFloorHash('#/floor/display'))).toEqual({
      page: 'kiosk',
      params: [],
    });
    // A rating device keeps the window it was given.
    expect(lockedRoute('rating', parseFloorHash('#/floor/rating/HJ02'))).toEqual({
      page: 'rating',
      params: ['HJ02'],
    });
  });

  it('knows the device kinds of the hall protocol', () => {
    expect(['kiosk', 'display', 'rating', 'counter', null].map(isFloorDeviceKind)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
