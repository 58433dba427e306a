#!/usr/bin/env bash
# Makes the README's screenshots (docs/screenshots/*.png) from the real app: a Release build on a fresh copy of the
# seed data, driven by Chromium through Playwright (tools/Screenshots.cs). Run it after a change to what the pages show.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'kill "${app:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password="screenshots-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"

dotnet build Timeline.Web -c Release -nologo -v q
# A build folder serves the package assets (Blazor's and MudBlazor's files) only in Development.
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__Timeline="Data Source=$work/timeline.db" \
Timeline__Admin__Email=screenshots@example.org Timeline__Admin__Password="$password" \
Logging__LogLevel__Default=Warning \
  dotnet Timeline.Web/bin/Release/net10.0/Timeline.Web.dll --urls "http://127.0.0.1:$port" > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 1
done

mkdir -p docs/screenshots
dotnet run tools/Screenshots.cs -- "http://127.0.0.1:$port" screenshots@example.org "$password" docs/screenshots
