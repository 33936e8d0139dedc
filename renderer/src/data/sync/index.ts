// The hall sync of a station (issue 16), for the app to wire: make one engine per database with
// the host's transport, `start()` it once the station is enrolled, call `afterDispatch()` after
// every command that appended events, and show `engine.store` in the frame.
//
//   const engine = new SyncEngine({ db, transport: hostTransport(host) });
//   engine.start();
//   engine.store.subscribe((s) => …);   // { phase, lastSyncAt, pending, alert?, clockSkewMs }
export { SyncEngine, errorOf, type SyncEngineOptions } from './engine';
export {
  createSyncStore,
  clockSkewed,
  INITIAL_SYNC_STATE,
  type AlertCode,
  type SyncPhase,
  type SyncState,
  type SyncStore,
} from './state';
export { hostTransport, type HallHostApi, type HallTransport, type HallError } from './transport';
export { pendingCount } from './outbox';
export { runHallSync, type HallSync } from './run';
