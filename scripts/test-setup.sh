#!/usr/bin/env bash
# Installs the system packages the tests need when they are missing: a Chromium for Playwright
# (Playwright's own browser download is blocked on our machines, Debian's works), CJK fonts so
# Chinese renders in screenshots, and PostgreSQL for the store hub's integration tests (the tests
# start their own throwaway server on loopback with initdb/pg_ctl from /usr/lib/postgresql/<ver>/bin;
# Debian's package also starts a system cluster, which the tests do not use), and Debian's
# python3-cryptography for the second export verifier, and poppler-utils' pdftotext for reading the
# Review's printed report back (tests/e2e/review-report.spec.ts). Uses sudo when not run as root.
set -euo pipefail

need=()
if [ ! -x /usr/bin/chromium ] && [ ! -x /usr/bin/chromium-browser ] && [ -z "$(ls -d "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* 2>/dev/null)" ]; then
  need+=(chromium)
fi
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  need+=(fonts-noto-cjk)
fi
if [ -z "${PG_BIN:-}" ] && [ -z "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null)" ] && ! command -v initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
# The second export verifier (tools/verify-export.py) runs on Debian's python3 with its
# cryptography package; tests call /usr/bin/python3 by path, not whichever python3 is first.
if ! /usr/bin/python3 -c 'import cryptography' >/dev/null 2>&1; then
  need+=(python3-cryptography)
fi
# The printed notice-board report is read back as text with pdftotext.
if ! command -v pdftotext >/dev/null 2>&1; then
  need+=(poppler-utils)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${need[*]} (no apt-get on this machine)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${need[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
