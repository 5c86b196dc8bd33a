import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { getPool } from "@/lib/db/pool";

// Five wrong passwords for one account in fifteen minutes is more than a person mistypes and far
// fewer than a guessing script needs; the address limit is looser because a newsroom's staff
// may share one office address.
const WINDOW_SECONDS = 15 * 60;
const FAILURES_PER_ACCOUNT = 5;
const FAILURES_PER_ADDRESS = 30;

interface Limiters {
  account: RateLimiterPostgres;
  address: RateLimiterPostgres;
}

let limiters: Limiters | undefined;

function getLimiters(): Limiters {
  const common = { storeClient: getPool(), tableName: "rate_limits", tableCreated: true, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS };
  limiters ??= {
    account: new RateLimiterPostgres({ ...common, keyPrefix: "signin-account", points: FAILURES_PER_ACCOUNT }),
    address: new RateLimiterPostgres({ ...common, keyPrefix: "signin-address", points: FAILURES_PER_ADDRESS }),
  };
  return limiters;
}

export function resetSignInLimiters(): void {
  limiters = undefined;
}

function secondsUntilFree(res: RateLimiterRes | null, limit: number): number {
  if (!res || res.consumedPoints < limit) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * Seconds the caller must wait before another attempt, or 0 when it may try now. `address` is
 * null when the client's address is not known (no proxy header): then only the account's limit
 * applies, since one shared bucket would let 30 wrong guesses from anywhere lock the whole
 * newsroom out.
 */
export async function signInRetryAfter(email: string, address: string | null): Promise<number> {
  const { account, address: byAddress } = getLimiters();
  const [a, b] = await Promise.all([account.get(email), address === null ? null : byAddress.get(address)]);
  return Math.max(secondsUntilFree(a, FAILURES_PER_ACCOUNT), secondsUntilFree(b, FAILURES_PER_ADDRESS));
}

export async function recordFailedSignIn(email: string, address: string | null): Promise<void> {
  const { account, address: byAddress } = getLimiters();
  // consume() rejects once the limit is passed; that rejection is the block, not an error.
  await Promise.allSettled([account.consume(email), ...(address === null ? [] : [byAddress.consume(address)])]);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await getLimiters().account.delete(email);
}
