-- Up Migration
-- Wrong PINs at the hub's sign-in make the client that typed them wait, per account and client
-- (its address, as the hub sees it: behind a proxy that says so, the proxy's X-Forwarded-For), so
-- that a stranger's guesses never lock the account out for everyone else. The account-wide count
-- of the first schema (accounts.failures / retry_at) is no longer used.
CREATE TABLE sign_in_waits (
  staff_no text NOT NULL REFERENCES accounts (staff_no),
  client text NOT NULL,
  failures integer NOT NULL,
  retry_at bigint NOT NULL,
  PRIMARY KEY (staff_no, client)
);

-- Down Migration
DROP TABLE sign_in_waits;
