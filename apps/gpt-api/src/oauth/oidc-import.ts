/**
 * oidc-provider, imported on first use. On import it warns on stderr that Node 20 is not a
 * supported runtime (it targets the current LTS, 22+); it runs and is tested here on 20
 * (docs/deployment.md: images use Node 24). That line would open every start-up on Node 20, and a
 * bad configuration must stop the process with one line naming the variable, so this one warning
 * is dropped; any other warning of the library passes through.
 */
let loading: Promise<typeof import("oidc-provider")> | undefined;

export function loadOidcProvider(): Promise<typeof import("oidc-provider")> {
  loading ??= (async () => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!String(args[0]).includes("Unsupported runtime")) warn(...args);
    };
    try {
      return await import("oidc-provider");
    } finally {
      console.warn = warn;
    }
  })();
  return loading;
}
