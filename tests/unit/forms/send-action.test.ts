import { afterEach, describe, expect, it, vi } from "vitest";
import { NOT_DELIVERED, isNotDelivered, sendAction } from "@/app/_lib/send-action";

afterEach(() => vi.restoreAllMocks());

describe("sending a server action from a form", () => {
  it("passes the action's own answer through, a refusal included", async () => {
    const refused = { ok: false as const, error: "Your role does not allow this." };
    await expect(sendAction(async (input: { n: number }) => ({ ok: true as const, data: input.n * 2 }), { n: 21 })).resolves.toEqual({ ok: true, data: 42 });
    const answer = await sendAction(async () => refused, {});
    expect(answer).toBe(refused);
    expect(isNotDelivered(answer)).toBe(false);
  });

  it("turns a request that failed on the way into NOT_DELIVERED instead of throwing", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const failed = await sendAction(async () => {
      throw new TypeError("Failed to fetch");
    }, {});
    expect(failed).toBe(NOT_DELIVERED);
    expect(isNotDelivered(failed)).toBe(true);
    expect(failed).toMatchObject({ ok: false, notDelivered: true });
  });

  it("lets Next's redirect and not-found through, which are not failures", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/articles;307;" });
    const notFound = Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    for (const error of [redirect, notFound])
      await expect(
        sendAction(async () => {
          throw error;
        }, {}),
      ).rejects.toBe(error);
  });
});
