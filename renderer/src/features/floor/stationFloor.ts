// The FloorPort of this station's floor screens. Until the floor store exists (issue 18, helper
// `queue`), every call says the store cannot be reached — which the screens then say in large type.
import type { FloorPort, FloorResult } from '../../domain/floor/types';

const offline = async <T>(): Promise<FloorResult<T>> => ({
  ok: false,
  code: 'offline',
  message: 'floor_store_unavailable',
});

export function stationFloorPort(): FloorPort {
  return {
    mode: 'local',
    snapshot: offline,
    watch: () => () => undefined,
    issueTicket: offline,
    callNext: offline,
    recall: offline,
    skip: offline,
    transfer: offline,
    serve: offline,
    linkCase: offline,
    finish: offline,
  };
}
