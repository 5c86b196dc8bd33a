/** How long a claim has waited: an entry of the "review" catalog's `queue.waited` group and its count. */
export interface Waited {
  unit: "underAnHour" | "hours" | "days";
  count: number;
}

/** "3 days", "5 hours", "under an hour", from the request's time: hours up to two days, then whole days. */
export function waitedSince(date: Date, now: Date): Waited {
  const hours = Math.floor((now.getTime() - date.getTime()) / 3_600_000);
  if (hours < 1) return { unit: "underAnHour", count: 0 };
  if (hours < 48) return { unit: "hours", count: hours };
  return { unit: "days", count: Math.floor(hours / 24) };
}
