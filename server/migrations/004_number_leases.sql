-- Leased blocks of hall-wide numbers and the register of every series (docs/hall.md "Numbers",
-- issue 17 item 1). Notice numbers (受〔2026〕N号 …: `doc:<type>:<year>`) and ledger numbers
-- (`ledger:<kind>:<year>`) are printed offline too, so an enrolled station leases them ahead in
-- blocks. A lease takes the series row FOR UPDATE like a certificate allocation, moves last_seq
-- by the block's size and writes one allocation row per number (status 'leased', request_key
-- null, the lease's key in lease_key): every seq of every series has exactly one row, so the
-- register shows each number as reserved, leased, used or voided and a gap is visible as a
-- missing row. `cert_type` of a series is its type word: the certificate type, the notice type
-- or the ledger kind.

ALTER TABLE series DROP CONSTRAINT series_kind_check;
ALTER TABLE series ADD CONSTRAINT series_kind_check
  CHECK (kind IN ('certificate', 'document', 'ledger'));

CREATE TABLE leases (
  -- the station's idempotency key for one block: asked again, the same block comes back
  lease_key    text PRIMARY KEY,
  series_id    text NOT NULL REFERENCES series (series_id),
  station_code text NOT NULL REFERENCES stations (code),
  first_seq    integer NOT NULL,
  last_seq     integer NOT NULL,
  leased_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (last_seq >= first_seq)
);
CREATE INDEX leases_station ON leases (station_code);

ALTER TABLE allocations ALTER COLUMN request_key DROP NOT NULL;
ALTER TABLE allocations ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE allocations DROP CONSTRAINT allocations_status_check;
ALTER TABLE allocations ADD CONSTRAINT allocations_status_check
  CHECK (status IN ('reserved', 'leased', 'used', 'voided'));
ALTER TABLE allocations ADD COLUMN lease_key text REFERENCES leases (lease_key);
-- used: the event that recorded the number, when it reached the hall
ALTER TABLE allocations ADD COLUMN used_event_id text;
ALTER TABLE allocations ADD COLUMN used_at timestamptz;
-- the document or entry the number went on (a notice's case, a ledger entry's id)
ALTER TABLE allocations ADD COLUMN used_ref text;
ALTER TABLE allocations ADD COLUMN voided_at timestamptz;
CREATE INDEX allocations_station_open ON allocations (station_code)
  WHERE status IN ('reserved', 'leased');
