import { listenError } from "@teleglas/market-data-core";
import type { FastifyInstance } from "fastify";

/**
 * Listen with timeouts suited to a reverse proxy in front: keep-alive longer than the proxy's
 * (60 s in nginx) so the proxy, not us, closes idle connections; headers bounded.
 * Returns the URL and a stop() that drains in-flight requests (SSE streams are ended).
 */
export async function listen(app: FastifyInstance, opts: { host: string; port: number }) {
  app.server.keepAliveTimeout = 65_000;
  app.server.headersTimeout = 66_000;
  const address = await app.listen({ host: opts.host, port: opts.port }).catch((error: unknown) => {
    throw listenError(error, "PORT", opts.port, opts.host);
  });
  let stopping: Promise<void> | null = null;
  return {
    url: address,
    stop(): Promise<void> {
      stopping ??= app.close();
      return stopping;
    },
  };
}
