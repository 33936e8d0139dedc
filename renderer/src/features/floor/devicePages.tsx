// The hall floor's device pages (#/floor/<page>/…), shown outside the clerk's sign-in: none of
// them shows a case or personal data. A station enrolled as a floor device (hall.status kind
// kiosk / display / rating) starts straight into its page and cannot leave it.
import type { ReactNode } from 'react';
import type { FloorDeviceKind } from '../../domain/floor/types';
import { KioskPage } from './KioskPage';
import { DisplayPage } from './DisplayPage';

/**
 * The route table: page name → what it shows, given the rest of the path. The `rating` helper
 * (issue 18 item 4) adds `rating: (params) => <RatingPage window={params[0]} />` here.
 */
export const floorPages: Partial<Record<FloorDeviceKind, (params: string[]) => ReactNode>> = {
  kiosk: () => <KioskPage />,
  display: () => <DisplayPage />,
};
