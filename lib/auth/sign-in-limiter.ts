import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
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

function isLimitAnswer(reason: unknown): reason is RateLimiterRes {
  return reason instanceof RateLimiterRes;
}

/**
 * Counts one sign-in attempt before its password is checked, and answers the seconds the caller
 * must wait (the attempt is then not checked at all), or 0 when it may go on. Counting first is
 * what holds under a burst: PostgreSQL adds each attempt atomically, so of any number sent at
 * once at most the limit get their password checked. A right password gives its point back
 * (clearSignInAttempts). `address` is null when the client's address is not known (see
 * client-address.ts): then only the account's limit applies, since one shared bucket would let
 * wrong guesses from anywhere lock the whole newsroom out.
 */
export async function countSignInAttempt(email: string, address: string | null): Promise<number> {
  const { account, address: byAddress } = getLimiters();
  const answers = await Promise.allSettled([account.consume(email), ...(address === null ? [] : [byAddress.consume(address)])]);
  let retryAfterSeconds = 0;
  for (const answer of answers) {
    if (answer.status === "fulfilled") continue;
    // consume() rejects with the limiter's answer once the limit is passed; anything else is the
    // database failing, and then nobody is let in unchecked.
    if (!isLimitAnswer(answer.reason)) throw answer.reason;
    retryAfterSeconds = Math.max(retryAfterSeconds, Math.max(1, Math.ceil(answer.reason.msBeforeNext / 1000)));
  }
  return retryAfterSeconds;
}

/** After a right password: the account's failures are forgotten and the address gets its attempt back. */
export async function clearSignInAttempts(email: string, address: string | null): Promise<void> {
  const { account, address: byAddress } = getLimiters();
  await Promise.all([account.delete(email), ...(address === null ? [] : [byAddress.reward(address, 1)])]);
}

/** When an admin sets a new password: the account's failures are forgotten, addresses keep theirs. */
export async function clearFailedSignIns(email: string): Promise<void> {
  await getLimiters().account.delete(email);
}
