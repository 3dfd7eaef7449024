#!/usr/bin/env bash
# Every test: unit, saga harness, real ffmpeg on real videos, the real host end to end.
# Arguments go to each `dotnet test` as they are (a --filter, a --logger).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

dotnet build ShoppableVideo.sln -c Release --nologo -v quiet

# The test projects run two at a time (one a core), the slowest first, so the aws and the api projects
# overlap instead of one waiting for the other, as `dotnet test` on the solution scheduled them. Each
# project's output is printed whole when it ends; the run fails if any project failed.
projects=(tests/Aws.Tests tests/Api.Tests tests/Consumers.Tests tests/Sagas.Tests tests/Infra.Tests)
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
run_project() {
  local project="$1"; shift
  local log="$logs/$(basename "$project").log"
  local status=0
  dotnet test "$project" -c Release --no-build --nologo "$@" >"$log" 2>&1 || status=$?
  cat "$log"
  if [ "$status" -ne 0 ]; then
    echo "FAILED: $project"
    return 1
  fi
}
export -f run_project
export logs
printf '%s\n' "${projects[@]}" | xargs -P 2 -I{} bash -c 'run_project "$@"' _ {} "$@"
