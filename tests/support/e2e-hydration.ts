import { afterEach } from "vitest";
import { takeHydrationErrors } from "./browser";

// A page whose server HTML and browser render disagree flickers and loses what the reader typed
// meanwhile; React only logs it. Any such error during a test fails that test.
afterEach(() => {
  const errors = takeHydrationErrors();
  if (errors.length > 0) throw new Error(`React hydration errors:\n${errors.join("\n")}`);
});
