// Entry of a conversion worker thread. Plain JavaScript, loaded by path at run time rather than
// bundled, so it works the same under `next start`, vitest and tsx scripts: tsx compiles the
// TypeScript task module it is given (and the "@/" paths of tsconfig.json) inside the worker.
import { parentPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";

const { taskModule, tsconfig } = workerData;
const { runTask } = await tsImport(pathToFileURL(taskModule).href, { parentURL: import.meta.url, tsconfig });

/** What crosses back to the pool: plain fields, since an Error's class does not survive postMessage. */
function describe(error) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  return {
    name: error.name,
    message: error.message,
    reason: typeof error.reason === "string" ? error.reason : undefined,
    // A refusal crosses as its message code and parameters, translated where it is shown.
    code: typeof error.code === "string" ? error.code : undefined,
    params: error.params && typeof error.params === "object" ? { ...error.params } : undefined,
    field: typeof error.field === "string" ? error.field : undefined,
    stackOverflow: error instanceof RangeError && /call stack/i.test(error.message),
  };
}

parentPort.on("message", async ({ id, task }) => {
  try {
    parentPort.postMessage({ id, ok: true, value: await runTask(task) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: describe(error) });
  }
});
parentPort.postMessage({ ready: true });
