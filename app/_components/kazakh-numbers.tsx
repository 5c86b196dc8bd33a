"use client";

import type { ReactNode } from "react";
import { installKazakhNumbers } from "@/lib/i18n/kazakh-numbers";

// At module load, before any translation provider below this one makes its number formatters.
installKazakhNumbers();

/**
 * Wraps the translation provider so that the browser writes Kazakh numbers in catalog messages as
 * the server does ("2 587", not "2,587"), whatever ICU data the browser has (lib/i18n/kazakh-numbers.ts).
 */
export function KazakhNumbers({ children }: { children: ReactNode }) {
  return children;
}
