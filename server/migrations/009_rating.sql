-- The rating device across the hall (issue 18 item 4, docs/floor.md): one rating request per
-- case finished at a window, floor state, not case history. The counter station that asked
-- (requested_by) picks up the submitted level and records `ratingRecorded` on the case; the device
-- (rated_by, a station of kind 'rating') sees only the case number, the matter and the clerk's
-- name. One row of rating_state holds the rev: every mutation locks it FOR UPDATE first, so they
-- run one at a time, and the long-poll watch follows it. Nothing is deleted.

CREATE TABLE rating_state (
  id  integer PRIMARY KEY CHECK (id = 1),
  rev bigint NOT NULL DEFAULT 0
);
INSERT INTO rating_state (id, rev) VALUES (1, 0);

CREATE TABLE rating_requests (
  id             text PRIMARY KEY,
  window_code    text NOT NULL,
  case_id        text NOT NULL,
  case_number    text NOT NULL,
  matter_name    text NOT NULL,
  matter_name_en text,
  clerk_id       text NOT NULL,
  clerk_name     text NOT NULL,
  ticket_id      text,
  -- waiting (open) · rated · expired (ran out unrated) · replaced (a newer request of the window)
  status         text NOT NULL CHECK (status IN ('waiting', 'rated', 'expired', 'replaced')),
  requested_by   text NOT NULL REFERENCES stations (code),
  requested_at   timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  -- the applicant's tap: the level 1..5 and the reasons ticked for the lower two
  overall        smallint CHECK (overall BETWEEN 1 AND 5),
  reasons        jsonb NOT NULL DEFAULT '[]',
  rated_by       text REFERENCES stations (code),
  rated_at       timestamptz,
  -- the requesting station recorded the rating on the case (ratingRecorded, ratingId = id)
  recorded_at    timestamptz,
  rev            bigint NOT NULL,
  CHECK ((status = 'rated') = (overall IS NOT NULL AND rated_by IS NOT NULL AND rated_at IS NOT NULL))
);
CREATE INDEX rating_requests_window ON rating_requests (window_code, status);
CREATE INDEX rating_requests_pickup ON rating_requests (requested_by) WHERE status = 'rated' AND recorded_at IS NULL;
