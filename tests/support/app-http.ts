/**
 * Talking to a running Derek over HTTP without a browser: sign in through next-auth's credentials
 * callback, keep the cookies, import a text. For tests that need many requests fast.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }

  has(fragment: string): boolean {
    return [...this.cookies.keys()].some((name) => name.includes(fragment));
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** Signs in and returns the cookies of the session; throws when the sign-in is refused. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  jar.keep(response);
  if (!jar.has("session-token")) throw new Error(`Sign-in as ${email} was refused (HTTP ${response.status})`);
  return jar;
}

/** A wrong password for `email`: counted by the sign-in limiter, which has a pool of its own. */
export async function failSignInOverHttp(baseUrl: string, email: string): Promise<number> {
  const jar = new CookieJar();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password: "wrong-password", json: "true" }),
    redirect: "manual",
  });
  await response.arrayBuffer();
  return response.status;
}

/** Imports `text` as a .txt file; the new article's id when the app acknowledged it (201), else null. */
export async function importTextOverHttp(baseUrl: string, jar: CookieJar, text: string, timeoutMs = 15_000): Promise<string | null> {
  const form = new FormData();
  form.append("file", new Blob([text], { type: "text/plain" }), "fault-test.txt");
  const response = await fetch(`${baseUrl}/api/articles/import`, { method: "POST", headers: { cookie: jar.header() }, body: form, signal: AbortSignal.timeout(timeoutMs) });
  if (response.status !== 201) {
    await response.arrayBuffer();
    return null;
  }
  return ((await response.json()) as { articleId: string }).articleId;
}
