-- Up Migration
-- A restore approved by a hub manager. A tablet restored from a backup signs with a new key that
-- nobody signed (the old keys never leave the old tablet), so the hub takes a `device-restored`
-- record's key only once a manager approved it: the manager makes a one-time restore code for the
-- device on the devices page, and the restored tablet sends it signed with its new key
-- (hub/restore-approvals.ts). One-time codes get the purpose 'restore' and the device they are for.
ALTER TABLE codes DROP CONSTRAINT codes_purpose_check;
ALTER TABLE codes ADD CONSTRAINT codes_purpose_check
  CHECK (purpose IN ('enrol', 'setup', 'restore'));
ALTER TABLE codes ADD COLUMN device uuid REFERENCES devices (id);
ALTER TABLE codes ADD CONSTRAINT codes_restore_device CHECK ((purpose = 'restore') = (device IS NOT NULL));

CREATE TABLE restore_approvals (
  id bigserial PRIMARY KEY,
  -- The log's first device id (the hub's device).
  device uuid NOT NULL REFERENCES devices (id),
  -- The restored tablet's new public key, as its device-restored record names it (compared as
  -- jsonb: the order of its members does not matter).
  public_key jsonb NOT NULL,
  -- The device-restored record, as the tablet sent it with the approval.
  restore_seq integer,
  restore_hash text,
  -- The code that approved it and the manager who made that code; both null for a restore the hub
  -- held before approvals existed (taken as it was then).
  code_hash text REFERENCES codes (code_hash),
  approved_by text,
  approved_at bigint NOT NULL
);
CREATE UNIQUE INDEX restore_approvals_key ON restore_approvals (device, public_key);

-- Restores the hub already holds were taken before approvals existed: they stay taken.
INSERT INTO restore_approvals (device, public_key, restore_seq, restore_hash, approved_at)
SELECT device, (body::jsonb) -> 'event' -> 'publicKey', seq, hash,
       (extract(epoch FROM now()) * 1000)::bigint
FROM records WHERE type = 'device-restored'
ON CONFLICT DO NOTHING;

-- Down Migration
DROP TABLE restore_approvals;
ALTER TABLE codes DROP CONSTRAINT codes_restore_device;
ALTER TABLE codes DROP COLUMN device;
ALTER TABLE codes DROP CONSTRAINT codes_purpose_check;
ALTER TABLE codes ADD CONSTRAINT codes_purpose_check CHECK (purpose IN ('enrol', 'setup'));
