/**
 * Debian's Chromium, as the tests and benchmarks drive it. A downloaded browser is never used;
 * without the background-networking flags Chromium keeps trying to reach hosts this machine cannot.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
