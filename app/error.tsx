"use client";

import { ErrorView } from "./_components/error-view";

export default function RootError(props: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main className="page">
      <ErrorView {...props} />
    </main>
  );
}
