-- The hall floor (issue 18, docs/floor.md): queue tickets and calls, across the hall. Floor state,
-- not case history. One row of floor_state holds the floor's settings and its rev; every floor
-- mutation locks it FOR UPDATE first, so mutations run one at a time (the floor is a few calls a
-- minute) and the rev moves once per change — the long-poll watch follows it. The day's ticket
-- rows are then locked too before the rules (renderer/src/domain/floor/rules.ts) decide.
-- A request key (an issue, a call) is kept with the ticket it produced: a retry gets it back.

CREATE TABLE floor_state (
  id         integer PRIMARY KEY CHECK (id = 1),
  rev        bigint NOT NULL DEFAULT 0,
  settings   jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO floor_state (id, rev, settings) VALUES (1, 0, '{"maxCalls":3,"windows":[]}');

CREATE TABLE floor_tickets (
  id         text PRIMARY KEY,
  -- the hall day (Asia/Shanghai), YYYY-MM-DD
  day        text NOT NULL,
  number     text NOT NULL,
  status     text NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'noShow', 'cancelled')),
  rev        bigint NOT NULL,
  -- the whole ticket as the contract has it (no personal data: business, number, times, window)
  data       jsonb NOT NULL,
  UNIQUE (day, number)
);
CREATE INDEX floor_tickets_day ON floor_tickets (day, status);

CREATE TABLE floor_requests (
  request_key  text PRIMARY KEY,
  station_code text NOT NULL REFERENCES stations (code),
  ticket_id    text NOT NULL REFERENCES floor_tickets (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
