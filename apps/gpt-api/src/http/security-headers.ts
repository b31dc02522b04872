import helmet from "helmet";

/**
 * Helmet's headers, computed once. @fastify/helmet rebuilds the helmet middleware on every request,
 * which cost about a third of the hot path's throughput here; the headers of a JSON API do not vary
 * per request, so helmet runs once at start against a recording response and the result is set
 * with one `reply.headers()` per request. Swagger UI gets a CSP that lets its page load.
 */
export function helmetHeaders(options: Parameters<typeof helmet>[0] = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  helmet(options)({} as never, res as never, () => undefined);
  return headers;
}

/**
 * For JSON answers: nothing may be framed, scripted or embedded (CSP `default-src 'none';
 * frame-ancestors 'none'`), no MIME sniffing, no referrer, HSTS, same-origin resource policy.
 * Helmet's headers that only concern HTML documents (opener policy, X-Frame-Options, which the CSP
 * already covers, DNS prefetch, IE download options, origin-agent-cluster, the legacy XSS filter,
 * Flash policies) are left out: every header costs bytes and parsing on every answer.
 */
export const API_SECURITY_HEADERS = helmetHeaders({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  crossOriginOpenerPolicy: false,
  xFrameOptions: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  originAgentCluster: false,
  xXssProtection: false,
  xPermittedCrossDomainPolicies: false,
});

/** For the Swagger UI page at /docs: helmet's default policy, which its bundled assets satisfy. */
export const DOCS_SECURITY_HEADERS = helmetHeaders({
  contentSecurityPolicy: { directives: { "img-src": ["'self'", "data:", "validator.swagger.io"] } },
});
