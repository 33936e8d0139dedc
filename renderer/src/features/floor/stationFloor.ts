// The FloorPort of this station's floor screens: the hall's floor store when the station is
// enrolled, else its own IndexedDB (data/floorHall.ts floorPortFor). One per window.
import { floorPortFor } from '../../data/floorHall';
import { appDb } from '../../data/stationDb';
import type { FloorPort } from '../../domain/floor/types';
import { host } from '../../host';

let port: Promise<FloorPort> | null = null;

export function stationFloorPort(): Promise<FloorPort> {
  port ??= floorPortFor(appDb(), host);
  return port;
}
