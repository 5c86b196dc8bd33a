"use client";

import { useEffect, useRef, useState } from "react";
import { sendAction } from "@/app/_lib/send-action";
import type { ClaimDetails } from "@/lib/claims/get-claim-details";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import { claimDetailsAction } from "./actions";

/**
 * The open claim's sources, note and author, read when it is opened and again whenever its
 * version changes; null while they load.
 */
export function useClaimDetails(claim: ArticleClaim | null, onError: (error: string) => void): ClaimDetails | null {
  const [details, setDetails] = useState<ClaimDetails | null>(null);
  const current = details && claim && details.id === claim.id && details.version === claim.version ? details : null;
  const reportError = useRef(onError);
  reportError.current = onError;
  useEffect(() => {
    if (!claim || current) return;
    let cancelled = false;
    void sendAction(claimDetailsAction, { claimId: claim.id }).then((result) => {
      if (cancelled) return;
      if (result.ok) setDetails(result.data);
      else reportError.current(result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [claim, current]);
  return current;
}
