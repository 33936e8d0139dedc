// The envelope version the station tells the hall at session start must be the one the app writes
// (electron/contract-hall.ts repeats the registry's EVENT_SCHEMA so main need not load it).
import { describe, expect, it } from 'vitest';
import { HALL_EVENT_SCHEMA } from '../../../electron/contract-hall';
import { EVENT_SCHEMA } from '../../../renderer/src/data/eventRegistry';
import { SERVER_MAX_EVENT_SCHEMA } from '../../../server/http/app';

describe('HALL_EVENT_SCHEMA', () => {
  it('equals the envelope version the append door writes', () => {
    expect(HALL_EVENT_SCHEMA).toBe(EVENT_SCHEMA);
    expect(HALL_EVENT_SCHEMA).toBe(2);
  });
  it('is one the hall server accepts', () => {
    expect(SERVER_MAX_EVENT_SCHEMA).toBeGreaterThanOrEqual(HALL_EVENT_SCHEMA);
  });
});
