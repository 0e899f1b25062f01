#!/usr/bin/env bash
# Playwright uses Debian's Chromium (see playwright.config.ts): `npx playwright install`
# cannot download its own browsers here. Installs it with apt if it is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "ensure-chromium: /usr/bin/chromium is present, nothing to do"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "ensure-chromium: /usr/bin/chromium missing, installing it with apt-get"
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
echo "ensure-chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
