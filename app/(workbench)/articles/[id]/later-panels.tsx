"use client";

import dynamic from "next/dynamic";

/*
 * The panels an article does not open with: one claim with its thread and @mention reply box, the
 * claim form with its source picker, the shortcuts. They load apart from the workbench's first
 * bundle, so opening a long article evaluates only what it shows; preloadLaterPanels fetches them
 * once the text is up, so the first click on a claim or on "Tag claim" does not wait for them.
 * Each import is written inside dynamic() so that Next preloads the chunk of a panel rendered on
 * the server (an address with ?claim=).
 */
export const ClaimPanel = dynamic(() => import("./claim-panel").then((m) => m.ClaimPanel));
export const NewClaimPanel = dynamic(() => import("./new-claim-panel").then((m) => m.NewClaimPanel));
export const EditClaimPanel = dynamic(() => import("./edit-claim-panel").then((m) => m.EditClaimPanel));
export const ShortcutsOverlay = dynamic(() => import("./shortcuts-overlay").then((m) => m.ShortcutsOverlay));

/** Fetches the panels above in the background, when the browser is idle. */
export function preloadLaterPanels(): void {
  const load = () => {
    void import("./claim-panel");
    void import("./new-claim-panel");
    void import("./edit-claim-panel");
    void import("./shortcuts-overlay");
  };
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
