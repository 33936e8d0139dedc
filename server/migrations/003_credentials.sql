-- Staff across the hall (issue 17 item 2): the password hash of a user event travels beside the
-- event, never inside it (the event's json is the audit text and is served to every station).
-- One row per `user.created` / `user.password_reset` event that carried one; served with the
-- pull page its event is on, only to enrolled active stations (docs/hall.md "Staff").
CREATE TABLE credentials (
  event_id     text PRIMARY KEY REFERENCES events (event_id),
  user_id      text NOT NULL,
  -- the stored form pbkdf2-sha256$<iterations>$<salt>$<hash>: never the password
  hash         text NOT NULL,
  station_code text NOT NULL REFERENCES stations (code),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credentials_user ON credentials (user_id);
