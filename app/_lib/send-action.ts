/**
 * What a form gets when a server action's request never reached the server, or its answer never
 * came back (no network, the server restarting or replaced by a proxy's error page). Shaped like a
 * refusal so a form's `if (!result.ok)` path takes it; `notDelivered` tells it to keep what was
 * entered and offer to send it again.
 */
export interface NotDelivered {
  ok: false;
  notDelivered: true;
  error: string;
  messageCode: "libDelivery.notDelivered";
  fieldErrors?: undefined;
  code?: undefined;
}

export const NOT_DELIVERED: NotDelivered = {
  ok: false,
  notDelivered: true,
  // A code: every form shows a refusal through useTranslateMessage, which words it.
  error: "libDelivery.notDelivered",
  messageCode: "libDelivery.notDelivered",
};

export function isNotDelivered(result: unknown): result is NotDelivered {
  return typeof result === "object" && result !== null && (result as { notDelivered?: unknown }).notDelivered === true;
}

/** Next's own control flow (redirect(), notFound()) travels as thrown errors with these digests. */
function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

/**
 * Calls a server action from the browser. A server action answers every refusal as a value
 * (app/_lib/action-result.ts), so a throw here means the request or its answer was lost on the way
 * ("Failed to fetch", an answer that is not the action's): that becomes NOT_DELIVERED instead of an
 * unhandled rejection that leaves the form looking as if nothing happened. Sending again is safe:
 * every change carries the version it was made on, so a change that did land the first time is
 * refused the second time with who made it and when, never applied twice.
 */
export async function sendAction<I, R>(action: (input: I) => Promise<R>, input: I): Promise<R | NotDelivered> {
  try {
    return await action(input);
  } catch (error) {
    if (isNavigation(error)) throw error;
    console.warn("A server action's request was not delivered", error);
    return NOT_DELIVERED;
  }
}
