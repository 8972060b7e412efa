#!/usr/bin/env bash
# Install Debian's Chromium and ChromeDriver for the dashboard's browser tests, once.
set -u
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "cannot install chromium here (needs root and apt-get)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1
command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1
