-- Hall-wide numbers (docs/hall.md "Numbers"). A series is one gapless sequence for the bureau —
-- today certificate numbers per (certificate type, year): `cert:<type>:<year>`. Its row is the
-- lock: an allocation takes `SELECT … FOR UPDATE` on it, then `last_seq + 1`, then records the
-- allocation under the station's request key (unique), all in one transaction — a retry with the
-- same key gets the same number back, a rolled-back allocation leaves no hole. Lock order when
-- combined with a push: chain → series → hall.

CREATE TABLE series (
  series_id    text PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('certificate')),
  cert_type    text NOT NULL,
  year         integer NOT NULL,
  last_seq     integer NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE allocations (
  series_id    text NOT NULL REFERENCES series (series_id),
  seq          integer NOT NULL,
  -- the station's idempotency key: case id + command + attempt id
  request_key  text NOT NULL UNIQUE,
  station_code text NOT NULL REFERENCES stations (code),
  case_id      text NOT NULL,
  -- reserved: handed to a station for one issuance · used: seen in an issued certificate ·
  -- voided: never used, with why and by whom (the register of numbers, issue 17)
  status       text NOT NULL DEFAULT 'reserved' CHECK (status IN ('reserved', 'used', 'voided')),
  void_reason  text,
  voided_by    text,
  allocated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (series_id, seq)
);
CREATE INDEX allocations_case ON allocations (case_id);
