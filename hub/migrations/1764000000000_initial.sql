-- Up Migration
-- The hub's tables. Records are kept exactly as each device stored them (`body`, its canonical
-- JSON), with the few fields queries need beside them; service rows and rollups are the review's
-- derived tables, rebuilt from the records at will.

CREATE TABLE stores (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
  staff_no text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('manager', 'auditor')),
  credential jsonb NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  -- A PIN a manager set must be replaced by its owner at the next sign-in.
  must_change boolean NOT NULL DEFAULT true,
  failures integer NOT NULL DEFAULT 0,
  retry_at bigint NOT NULL DEFAULT 0,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  staff_no text NOT NULL REFERENCES accounts (staff_no),
  expires_at bigint NOT NULL
);

-- One-time codes: enrolment codes (for a store) and the setup code for the first manager.
CREATE TABLE codes (
  code_hash text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('enrol', 'setup')),
  store_id text REFERENCES stores (id),
  created_by text,
  expires_at bigint NOT NULL,
  used_at bigint,
  used_by_device uuid
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  store_id text NOT NULL REFERENCES stores (id),
  counter text,
  first_key jsonb NOT NULL,
  fingerprint text NOT NULL,
  enrolled_at bigint NOT NULL,
  head_seq integer NOT NULL DEFAULT 0,
  head_hash text NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
  sealed_up_to integer NOT NULL DEFAULT 0,
  last_push_at bigint
);

CREATE TABLE records (
  device uuid NOT NULL REFERENCES devices (id),
  seq integer NOT NULL,
  hash text NOT NULL,
  prev_hash text NOT NULL,
  at timestamptz NOT NULL,
  type text NOT NULL,
  service_id uuid,
  -- The service an amendment, a spot-check or a rating is about.
  target uuid,
  body text NOT NULL,
  PRIMARY KEY (device, seq)
);
CREATE INDEX records_service ON records (device, service_id) WHERE service_id IS NOT NULL;
CREATE INDEX records_target ON records (device, type, target) WHERE target IS NOT NULL;
CREATE INDEX records_type ON records (device, type);

-- Tampering seen by the hub: a fork (a record it holds, pushed again with another hash).
CREATE TABLE alerts (
  id bigserial PRIMARY KEY,
  device uuid NOT NULL REFERENCES devices (id),
  kind text NOT NULL,
  seq integer,
  held_hash text,
  pushed_hash text,
  at bigint NOT NULL
);

CREATE TABLE services (
  sid text PRIMARY KEY,
  store_id text NOT NULL,
  device uuid NOT NULL,
  day text NOT NULL,
  pat text,
  data jsonb NOT NULL
);
CREATE INDEX services_pat ON services (pat) WHERE pat IS NOT NULL;
CREATE INDEX services_day ON services (store_id, day);

CREATE TABLE rollups (
  key text PRIMARY KEY,
  store_id text NOT NULL,
  device uuid NOT NULL,
  day text NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX rollups_day ON rollups (day, store_id);

-- The hub's own signing key, for the manifests of the exports it makes.
CREATE TABLE hub_key (
  id integer PRIMARY KEY CHECK (id = 1),
  algorithm text NOT NULL,
  private_jwk jsonb NOT NULL,
  public_jwk jsonb NOT NULL
);

-- Down Migration
DROP TABLE hub_key;
DROP TABLE rollups;
DROP TABLE services;
DROP TABLE alerts;
DROP TABLE records;
DROP TABLE devices;
DROP TABLE codes;
DROP TABLE sessions;
DROP TABLE accounts;
DROP TABLE stores;
