-- Up Migration
-- The hub as a witness within seconds (hub/witness.ts): every head a device reported, kept as it
-- was first heard (a later report of another hash at the same sequence number is a fork, never an
-- update), and the last report of each device's screen, for the alert of a screen that keeps
-- calling tickets while its head stays put.
CREATE TABLE witnessed_heads (
  device uuid NOT NULL REFERENCES devices (id),
  seq integer NOT NULL,
  hash text NOT NULL,
  key_index integer NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (device, seq)
);

CREATE TABLE witness_screens (
  device uuid PRIMARY KEY REFERENCES devices (id),
  screen uuid NOT NULL,
  calls integer NOT NULL,
  head_seq integer NOT NULL,
  at bigint NOT NULL
);

CREATE INDEX alerts_device ON alerts (device, at);

-- Down Migration
DROP INDEX alerts_device;
DROP TABLE witness_screens;
DROP TABLE witnessed_heads;
