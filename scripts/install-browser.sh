#!/usr/bin/env bash
# Debian's Chromium for the admin browser test (playwright-core drives it; no browser download).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
