-- Field bundles (issue 17 item 5): every bundle the hall imported from a station or wrote for one.
-- An imported bundle's id is never imported twice (a re-import is refused and changes nothing);
-- `cursor` is the station's hall cursor as its bundle said, where the next bundle back starts.
CREATE TABLE bundles (
  bundle_id    text PRIMARY KEY,
  direction    text NOT NULL CHECK (direction IN ('in', 'out')),
  station_code text NOT NULL REFERENCES stations (code),
  body_sha256  text NOT NULL,
  created_at   text NOT NULL,
  -- in: the station's cursor; out: the gseq the events start after
  cursor       bigint NOT NULL,
  -- out: the hall's last gseq written into it
  last_gseq    bigint,
  accepted     integer NOT NULL DEFAULT 0,
  duplicates   integer NOT NULL DEFAULT 0,
  blobs        integer NOT NULL DEFAULT 0,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bundles_station ON bundles (station_code, direction, at);
