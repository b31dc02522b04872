import { createHash, randomBytes } from "node:crypto";

/**
 * A person's browser for the OAuth pages, on real sockets: keeps cookies, follows redirects
 * itself, submits the login and consent forms as a browser would (form-urlencoded, same-origin).
 * `rewrite` maps the issuer's public origin to where the test server really listens.
 */
export function testBrowser(rewrite: (url: string) => string = (u) => u) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  async function go(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(rewrite(url), {
      ...init,
      redirect: "manual",
      headers: { cookie: cookie(), "accept-language": "en", ...(init.headers as Record<string, string>) },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = c.split(";");
      const [name = "", value = ""] = pair.split("=");
      const expired = attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === "") jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    return res;
  }
  /** GET and follow redirects until a page (2xx/4xx) or a redirect leaving `origin`. */
  async function follow(url: string, origin: string, first?: Response) {
    let res = first ?? (await go(url));
    let at = url;
    for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
      at = new URL(res.headers.get("location") as string, at).href;
      if (!at.startsWith(origin)) return { left: at, status: res.status, html: "" };
      res = await go(at);
    }
    return { left: undefined, at, status: res.status, html: await res.text(), headers: res.headers };
  }
  const field = (html: string, name: string) =>
    html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? "";
  const action = (html: string) => html.match(/<form method="post" action="([^"]+)"/)?.[1] ?? "";
  async function post(origin: string, html: string, fields: Record<string, string>) {
    const body = new URLSearchParams({ csrf: field(html, "csrf"), ...fields });
    const url = origin + action(html);
    const res = await go(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    });
    return follow(url, origin, res);
  }
  return { go, follow, post, field, action, jar };
}

/** PKCE S256 pair. */
export function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}
