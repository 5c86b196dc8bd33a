"use client";

import { ErrorView } from "../_components/error-view";

/** An error on a signed-in page: shown with the workbench around it, so the way on stays at hand. */
export default function WorkbenchError(props: { error: Error & { digest?: string }; retry: () => void }) {
  return <ErrorView {...props} />;
}
