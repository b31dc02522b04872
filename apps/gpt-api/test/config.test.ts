import { ConfigError } from "@teleglas/market-data-core";
import { describe, expect, it } from "vitest";
import { loadApiConfig, oauthIssuer } from "../src/config.js";

describe("config", () => {
  it("has the documented defaults", () => {
    const { config } = loadApiConfig({ GPT_API_KEYS: "0123456789abcdef0123" });
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 8000,
      requireAuth: true,
      rateLimitPerMinute: 120,
      ipAllowlist: [],
      trustProxy: [],
      corsOrigins: ["https://chat.openai.com", "https://chatgpt.com"],
      mcpPublic: false,
      mcpPublicRateLimit: 30,
    });
  });

  it("parses lists and flags", () => {
    const { config } = loadApiConfig({
      GPT_API_KEYS: "0123456789abcdef0123, fedcba9876543210fedc",
      GPT_API_IP_ALLOWLIST: "10.0.0.0/8, ::1",
      GPT_API_TRUST_PROXY: "127.0.0.1",
      GPT_API_REQUIRE_AUTH: "false",
      PUBLIC_URL: "https://api.example.com",
      MCP_PUBLIC: "true",
      MCP_PUBLIC_RATE_LIMIT: "10",
    });
    expect(config).toMatchObject({ mcpPublic: true, mcpPublicRateLimit: 10 });
    expect(config.apiKeys).toHaveLength(2);
    expect(config.ipAllowlist).toEqual(["10.0.0.0/8", "::1"]);
    expect(config.requireAuth).toBe(false);
    expect(config.publicUrl).toBe("https://api.example.com");
  });

  it.each([
    [{ GPT_API_RATE_LIMIT: "lots" }, "GPT_API_RATE_LIMIT"],
    [{ GPT_API_IP_ALLOWLIST: "10.0.0.0/40" }, "GPT_API_IP_ALLOWLIST"],
    [{ GPT_API_KEYS: "short" }, "GPT_API_KEYS"],
    [{ PORT: "99999" }, "PORT"],
    [{ GPT_API_TRUST_PROXY: "true" }, "GPT_API_TRUST_PROXY"],
    [{ PUBLIC_URL: "http://api.example.com" }, "PUBLIC_URL"],
    [{ PUBLIC_URL: "api.example.com" }, "PUBLIC_URL"],
    [{ MCP_PUBLIC: "maybe" }, "MCP_PUBLIC"],
    [{ MCP_PUBLIC_RATE_LIMIT: "0" }, "MCP_PUBLIC_RATE_LIMIT"],
  ])("stops at start on a bad value and names the variable (%o)", (env, variable) => {
    try {
      loadApiConfig(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).not.toContain("short");
    }
  });

  it("refuses an http:// PUBLIC_URL outside this machine in one line naming the variable", () => {
    expect(() => loadApiConfig({ PUBLIC_URL: "http://api.example.com" })).toThrow(
      "Invalid configuration: PUBLIC_URL is invalid: must be an https:// URL (http:// only for localhost), e.g. https://api.example.com",
    );
    expect(loadApiConfig({ PUBLIC_URL: "http://127.0.0.1:8000" }).config.publicUrl).toBe(
      "http://127.0.0.1:8000",
    );
    expect(loadApiConfig({ PUBLIC_URL: "http://localhost:8000" }).config.publicUrl).toBe(
      "http://localhost:8000",
    );
  });
});

describe("OAuth issuer", () => {
  it("is PUBLIC_URL, or the loopback address on a fixed port, and nothing elsewhere", () => {
    expect(oauthIssuer("https://api.example.com/", "0.0.0.0", 8000)).toBe("https://api.example.com");
    expect(oauthIssuer(undefined, "127.0.0.1", 8000)).toBe("http://127.0.0.1:8000");
    expect(oauthIssuer(undefined, "127.0.0.1", 0)).toBeUndefined();
    expect(oauthIssuer(undefined, "0.0.0.0", 8000)).toBeUndefined();
    expect(loadApiConfig({ PUBLIC_URL: "https://api.example.com" }).config.oauthIssuer).toBe(
      "https://api.example.com",
    );
    expect(() => loadApiConfig({ PUBLIC_URL: "http://api.example.com" })).toThrow(/PUBLIC_URL/);
    expect(() => loadApiConfig({ OAUTH_JWKS: "not json" })).toThrow(/OAUTH_JWKS/);
  });
});
