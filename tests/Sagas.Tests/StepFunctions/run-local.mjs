// Runs a generated Step Functions definition with aws-local-stepfunctions 3 and prints, as JSON, the
// states it entered, how many times each Task was called, and how the execution ended.
//
//   node run-local.mjs <node_modules dir> <definition.asl.json> '<scenario JSON>'
//
// Every Task is answered locally the way the saga answers a mirrored step: success with an empty result
// (so a Choice takes the usual route), unless the scenario says otherwise:
//   {"fail": {"state": S, "error": E, "cause": C}}  S fails with E every time it is called
//   {"silent": S}                                     S never answers
// Step Functions times a silent step out by its HeartbeatSeconds, which this library does not implement;
// it does honour TimeoutSeconds, so for a silent state the heartbeat becomes a 1-second TimeoutSeconds
// (the saga's tests shorten StepPolicy.StepTimeout the same way). Retry waits are overridden to 0 ms.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [modules, definitionPath, scenarioJson] = process.argv.slice(2);
const { StateMachine } = createRequire(join(modules, "noop.js"))("aws-local-stepfunctions");
const definition = JSON.parse(readFileSync(definitionPath, "utf8"));
const scenario = JSON.parse(scenarioJson ?? "{}");

const calls = {};
const handlers = {};
const retryIntervalOverrides = {};
for (const [name, state] of Object.entries(definition.States)) {
  if (state.Type !== "Task") continue;
  calls[name] = 0;
  retryIntervalOverrides[name] = 0;
  handlers[name] = async () => {
    calls[name]++;
    if (scenario.fail?.state === name) {
      const error = new Error(scenario.fail.cause);
      error.name = scenario.fail.error;
      throw error;
    }
    if (scenario.silent === name) return new Promise(() => {});
    return {};
  };
}
if (scenario.silent) {
  const state = definition.States[scenario.silent];
  delete state.HeartbeatSeconds;
  state.TimeoutSeconds = 1;
}

const machine = new StateMachine(definition);
const execution = machine.run(
  { sagaId: "00000000-0000-0000-0000-000000000001" },
  {
    overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides },
    // The library has no task tokens of its own; the callback's token goes nowhere here, so any value does.
    context: { Task: { Token: "local-task-token" } },
  });

const visited = [];
const collecting = (async () => {
  for await (const event of execution.eventLogs) {
    if (event.type === "StateEntered") visited.push(event.state.name);
  }
})();

let outcome;
try {
  outcome = { status: "SUCCEEDED", output: await execution.result };
} catch (error) {
  outcome = { status: "FAILED", error: error.cause?.name ?? error.name, cause: error.cause?.message ?? error.message };
}
await collecting;
process.stdout.write(JSON.stringify({ visited, calls, ...outcome }) + "\n");
// A silent handler's promise never settles; nothing else is left to wait for.
process.exit(0);
