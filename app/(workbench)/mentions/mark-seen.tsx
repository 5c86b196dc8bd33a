"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { sendAction } from "@/app/_lib/send-action";
import { markMentionsSeenAction } from "./actions";

const ShownAsNew = createContext<ReadonlySet<string>>(new Set());

/**
 * Marks the listed unread mentions read once the page is on the reader's screen, not when the
 * server renders it: a prefetch, or a render that never arrives, must not take them out of the
 * header's count. Then the page is refreshed, so the header shows the new count; the mentions that
 * were unread when the page opened stay marked new (remembered here) until it is opened again.
 */
export function MarkMentionsSeen({ unreadIds, children }: { unreadIds: string[]; children: ReactNode }) {
  const router = useRouter();
  const [shownAsNew, setShownAsNew] = useState<ReadonlySet<string>>(() => new Set(unreadIds));
  const key = unreadIds.join(",");
  useEffect(() => {
    if (key === "") return;
    const ids = key.split(",");
    setShownAsNew((shown) => (ids.every((id) => shown.has(id)) ? shown : new Set([...shown, ...ids])));
    let cancelled = false;
    void sendAction(markMentionsSeenAction, { commentIds: ids }).then((result) => {
      if (!cancelled && result.ok && result.data.marked > 0) router.refresh();
    });
    return () => {
      cancelled = true;
    };
  }, [key, router]);
  return <ShownAsNew.Provider value={shownAsNew}>{children}</ShownAsNew.Provider>;
}

/** "new" beside a mention that was unread when the page was opened. */
export function NewMark({ commentId, label }: { commentId: string; label: string }) {
  return useContext(ShownAsNew).has(commentId) ? <span className="status" data-testid="mention-new">{label}</span> : null;
}
