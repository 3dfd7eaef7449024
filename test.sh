#!/usr/bin/env bash
# Every test: unit, saga harness, real ffmpeg on real videos, the real host end to end.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
dotnet test ShoppableVideo.sln -c Release --nologo "$@"
