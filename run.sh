#!/usr/bin/env bash
# With no arguments, the main job on the embedded default: ingest the shared Luma catalog, process the
# shared Luma video, print the shots and products found and where the shoppable document is.
# With arguments, they go to the CLI as they are: ./run.sh serve, ./run.sh status, ./run.sh watch ...
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

dotnet build -c Release -v quiet -nologo src/Api >/dev/null
cli=(dotnet src/Api/bin/Release/net10.0/ShoppableVideo.Api.dll)
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
