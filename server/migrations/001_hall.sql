-- The hall's store (docs/hall.md "Tables"). One row in `hall` carries the hall order's last gseq:
-- every push locks it (chain row first, then this row), so gseq is gapless and commit order is
-- gseq order — a reader past gseq n never misses an event that commits later with a lower one.

CREATE TABLE hall (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  hall_id     text,
  name        text,
  last_gseq   bigint NOT NULL DEFAULT 0,
  created_at  timestamptz
);
INSERT INTO hall (singleton) VALUES (true);

CREATE TABLE stations (
  code         text PRIMARY KEY,
  label        text NOT NULL,
  kind         text NOT NULL,
  -- pending: enrolment code issued, no key yet · active · blocked · retired (never reused)
  status       text NOT NULL CHECK (status IN ('pending', 'active', 'blocked', 'retired')),
  public_key   text,
  app_version  text,
  enrolled_at  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz
);

CREATE TABLE enrollment_codes (
  -- SHA-256 of the code: the server keeps no secret it does not need.
  code_hash    text PRIMARY KEY,
  station_code text NOT NULL REFERENCES stations (code),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chains (
  chain_id     text PRIMARY KEY,
  station_code text NOT NULL REFERENCES stations (code),
  public_key   text,
  head_seq     integer NOT NULL DEFAULT 0,
  head_hash    text NOT NULL,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'quarantined')),
  -- fork: the seq at which a different history was offered, and when
  fork_seq     integer,
  fork_at      timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- json, not jsonb: jsonb refuses \u0000 and rewrites the text; the hash must verify byte for byte.
CREATE TABLE events (
  gseq         bigint PRIMARY KEY,
  event_id     text NOT NULL UNIQUE,
  chain_id     text NOT NULL REFERENCES chains (chain_id),
  station_seq  integer NOT NULL,
  stream_id    text NOT NULL,
  type         text NOT NULL,
  schema       integer NOT NULL,
  hash         text NOT NULL,
  prev_hash    text NOT NULL,
  -- the station's clock, as sent: shown, never used to order anything
  client_at    text NOT NULL,
  push_id      text NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  event        json NOT NULL,
  UNIQUE (chain_id, station_seq)
);
CREATE INDEX events_stream ON events (stream_id, gseq);

CREATE TABLE pushes (
  push_id      text NOT NULL,
  station_code text NOT NULL,
  chain_id     text NOT NULL,
  from_seq     integer NOT NULL,
  to_seq       integer NOT NULL,
  accepted     integer NOT NULL,
  duplicates   integer NOT NULL,
  at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_code, push_id)
);

-- Content-addressed files (scans, archived papers): the bytes live in the blob folder under
-- their SHA-256, the row says they arrived whole.
CREATE TABLE blobs (
  sha256       text PRIMARY KEY,
  size         bigint NOT NULL,
  station_code text,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE challenges (
  challenge_id text PRIMARY KEY,
  station_code text NOT NULL,
  nonce        text NOT NULL,
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);

CREATE TABLE sessions (
  -- SHA-256 of the bearer token
  token_hash   text PRIMARY KEY,
  station_code text NOT NULL REFERENCES stations (code),
  expires_at   timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
