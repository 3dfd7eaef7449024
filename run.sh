#!/usr/bin/env bash
# With no arguments, the main job on the embedded default: ingest the shared Luma catalog, process the
# shared Luma video, print the shots and products found and where the shoppable document is.
# With arguments, they go to the CLI as they are: ./run.sh serve, ./run.sh status, ./run.sh watch ...
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

# Build only when an input of the CLI changed since the last good build, or its output is missing:
# `dotnet build` takes seconds even when it has nothing to do. The fingerprint lists every source file
# (outside bin and obj) with its size and modification time, so an edit, a new or deleted file, or a
# checkout all change it.
out=src/Api/bin/Release/net10.0
stamp="$out/.run-build-stamp"
fingerprint="$(find src models Directory.Build.props Directory.Packages.props global.json \
  \( -name bin -o -name obj \) -prune -o -type f -printf '%p %s %T@\n' | sort | sha256sum)"
if [ ! -f "$out/ShoppableVideo.Api.dll" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$fingerprint" ]; then
  dotnet build -c Release -v quiet -nologo src/Api >/dev/null
  echo "$fingerprint" >"$stamp"
fi
cli=(dotnet "$out/ShoppableVideo.Api.dll")
export SHOPPABLEVIDEO_PROGRAM="$0" # usage lines then read ./run.sh ..., as typed
if [ $# -gt 0 ]; then
  exec "${cli[@]}" "$@"
fi

shared="$(cd .. && pwd)/shared/data"
if [ ! -d "$shared" ]; then
  echo "run: ../shared/data is absent, so there is no default job. Put a catalog manifest and videos in" >&2
  echo "     data/buckets/{catalog,videos} and run: ./run.sh serve   (or ./run.sh process VIDEO... --catalog CSV)" >&2
  exit 1
fi

exec "${cli[@]}" process \
  "$shared/videos/luma-model-against-fence-4s.mp4" \
  --catalog "$shared/luma/catalog.csv" \
  --data "${DATA_DIR:-data}"
