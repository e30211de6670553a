#!/bin/sh
# Installs the browser the e2e test drives: Debian's Chromium at /usr/bin/chromium.
# Idempotent: does nothing when it is already there. Never downloads a browser
# from anywhere but the distribution's package repository.
set -eu

if [ -x /usr/bin/chromium ]; then
  echo "install-browser: /usr/bin/chromium present ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: /usr/bin/chromium is missing and apt-get is not available; install Chromium from your distribution" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-browser: run as root (or install sudo) to apt-get install chromium" >&2
    exit 1
  fi
fi

echo "install-browser: installing Debian's chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium
/usr/bin/chromium --version
