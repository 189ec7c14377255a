#!/usr/bin/env bash
# Installs the system packages the tests need when they are missing: a Chromium for Playwright
# (Playwright's own browser download is blocked on our machines, Debian's works) and CJK fonts so
# Chinese renders in screenshots. Uses sudo when not run as root.
set -euo pipefail

need=()
if [ ! -x /usr/bin/chromium ] && [ ! -x /usr/bin/chromium-browser ] && [ -z "$(ls -d "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* 2>/dev/null)" ]; then
  need+=(chromium)
fi
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  need+=(fonts-noto-cjk)
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
