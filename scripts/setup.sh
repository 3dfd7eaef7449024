#!/usr/bin/env bash
# Installs what the project needs and is missing, idempotently. Sourced by run.sh and test.sh.
# Today: ffmpeg/ffprobe from Debian. Later issues add native libraries and local servers (npm).
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v ffmpeg >/dev/null 2>&1 || ! command -v ffprobe >/dev/null 2>&1; then
  echo "setup: installing ffmpeg (apt-get)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq ffmpeg >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dotnet.microsoft.com/download)" >&2
  exit 1
fi
