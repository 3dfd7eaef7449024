// Puts every model named by models/*.json into .tools/models, verified by its sha256.
// Source order: already installed -> ../shared/models -> the upstream URL in the manifest.
// A model that cannot be obtained is reported and skipped: the tests that need it skip with that reason.
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const manifests = join(root, "models");
const target = join(root, ".tools", "models");
const shared = resolve(root, "..", "shared", "models");
mkdirSync(target, { recursive: true });

const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");
let missing = 0;

for (const name of readdirSync(manifests).filter((f) => f.endsWith(".json"))) {
  const model = JSON.parse(readFileSync(join(manifests, name), "utf8"));
  const installed = join(target, model.file);
  if (existsSync(installed) && sha256(installed) === model.sha256) continue;

  const partial = installed + ".partial";
  if (existsSync(join(shared, model.file))) {
    copyFileSync(join(shared, model.file), partial);
    chmodSync(partial, 0o644); // the shared copy is read-only; keep ours replaceable
  } else {
    console.log(`setup: ${shared} has no ${model.file}; downloading ${model.url}`);
    try {
      const response = await fetch(model.url, { signal: AbortSignal.timeout(120_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      writeFileSync(partial, Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      console.log(`setup: could not obtain model ${model.name} (${error.message}); vision tests that need it will skip`);
      missing++;
      continue;
    }
  }
  const actual = sha256(partial);
  if (actual !== model.sha256) {
    console.log(`setup: ${model.file} has sha256 ${actual}, expected ${model.sha256}; not installed`);
    missing++;
    continue;
  }
  renameSync(partial, installed);
  console.log(`setup: installed model ${model.name} (${model.file})`);
}
if (missing > 0) console.log(`setup: ${missing} model(s) missing from ${target}`);
