import { expect } from "vitest";

/** Whoever changed the claim, and whenever: the refusal a stale change of a claim gets. */
export const claimChanged = { kind: "conflict", code: expect.stringMatching(/^libClaims\.conflict\./) };
