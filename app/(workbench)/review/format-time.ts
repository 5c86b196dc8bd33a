/** "2026-11-24 09:30 UTC": the same for everyone, as the conflict message names times. */
export function formatTime(date: Date): string {
  return `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

/** "3 days", "5 hours", "just now": how long a claim has waited, from the request's time. */
export function waitedSince(date: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - date.getTime()) / 3_600_000);
  if (hours < 1) return "under an hour";
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  return `${Math.floor(hours / 24)} days`;
}
