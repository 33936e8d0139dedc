-- Restoring the hall from an older dump (docs/hall.md "Restoring the server"). One row says
-- whether the hall is restoring (refusing pulls, pushes and numbers until the stations have
-- refilled what they hold) and how the last restore began and ended; one row per station that
-- checked in during the restore. A dump taken after this migration carries these rows too: the
-- administrator's `restore-mode on` (or a station found holding past the hall) starts afresh.

CREATE TABLE restore_state (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  restoring    boolean NOT NULL DEFAULT false,
  began_at     timestamptz,
  -- admin: `restore-mode on` after pg_restore · detected: a station held past the hall's order
  began_how    text CHECK (began_how IN ('admin', 'detected')),
  from_gseq    bigint,
  opened_at    timestamptz,
  -- refilled: every active station checked in and held nothing past the hall · forced: opened by
  -- the administrator with `missing` not refilled
  opened_how   text CHECK (opened_how IN ('refilled', 'forced')),
  opened_gseq  bigint,
  missing      text[] NOT NULL DEFAULT '{}'
);
INSERT INTO restore_state (singleton) VALUES (true);

CREATE TABLE restore_checkins (
  station_code  text PRIMARY KEY REFERENCES stations (code),
  checked_in_at timestamptz NOT NULL,
  -- the highest gseq the station said it holds
  holds         bigint NOT NULL,
  -- events of its refills the hall took
  refilled      integer NOT NULL DEFAULT 0
);
