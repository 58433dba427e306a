#!/usr/bin/env bash
# Runs every test of Timeline, installing first what the tests need (Debian's Chromium for the browser
# tests). The npm packages of the web app are installed by its build (npm ci from the lock file).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (10.x) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests..."
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

dotnet test Timeline.sln --logger "console;verbosity=minimal" "$@"
