-- An island's own numbers taken into the hall's series (docs/hall.md "Numbers", *An island's own
-- numbers*; issue 17 items 1 and 4). A station that numbered certificates, notices or ledger
-- entries alone before it joined pushes events that record numbers the hall never gave out. A
-- number above a series' last seq is taken in: the series is raised to it and its row is `used`
-- by the station with origin 'island'; the seqs passed over are `voided` as `island_gap` by the
-- hall (a later event of that station that records one marks it used). A number another station
-- holds or used is a clash: recorded here once per event, never renumbered — the papers are out.

ALTER TABLE allocations ADD COLUMN origin text NOT NULL DEFAULT 'hall'
  CHECK (origin IN ('hall', 'island'));

CREATE TABLE number_clashes (
  series_id     text NOT NULL REFERENCES series (series_id),
  seq           integer NOT NULL,
  -- the station whose event records the number, and that event
  station_code  text NOT NULL REFERENCES stations (code),
  event_id      text NOT NULL,
  used_ref      text NOT NULL,
  case_id       text,
  -- the register's row under the number when the event arrived: whose, in which state, for what
  other_station text NOT NULL,
  other_status  text NOT NULL,
  other_ref     text,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (series_id, seq, event_id)
);
