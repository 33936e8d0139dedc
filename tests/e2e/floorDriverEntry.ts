// Bundled by floorDriver.ts and evaluated in a page of the app's origin: the station's REAL local
// floor store (data/floorLocal.ts) on the same IndexedDB as the app — a counter window working the
// queue through the FloorPort, for the display to follow, until the calling panel drives it.
import { OneWindowDb } from '../../renderer/src/data/db';
import { localFloor } from '../../renderer/src/data/floorLocal';

const db = new OneWindowDb();
const port = localFloor(db);
(window as unknown as { owFloorDriver: unknown }).owFloorDriver = {
  port,
  adminId: async () => (await db.users.toArray()).find((u) => u.role === 'admin')?.id ?? null,
};
