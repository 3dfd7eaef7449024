#!/usr/bin/env bash
# The main job on the embedded default: ingest the shared Luma catalog, process the shared Luma video,
# print the shots and products found and where the shoppable document is. Extra arguments are passed on.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

shared="$(cd .. && pwd)/shared/data"
if [ ! -d "$shared" ]; then
  echo "run: ../shared/data is absent. Put a catalog manifest and videos in data/buckets/{catalog,videos}" >&2
  echo "     and run: dotnet run -c Release --project src/Api -- serve" >&2
  exit 1
fi

dotnet build -c Release -v quiet -nologo src/Api >/dev/null
exec dotnet src/Api/bin/Release/net10.0/ShoppableVideo.Api.dll process \
  "$shared/videos/luma-model-against-fence-4s.mp4" \
  --catalog "$shared/luma/catalog.csv" \
  --data "${DATA_DIR:-data}" \
  --Logging:LogLevel:Default Warning "$@"
