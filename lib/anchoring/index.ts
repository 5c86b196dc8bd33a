export { reanchor, reanchorAll } from "./reanchor";
export { CONTEXT_LENGTH, selectorFor } from "./selector";
export type { AnchorResult, StoredAnchor, TextSelector } from "./types";
