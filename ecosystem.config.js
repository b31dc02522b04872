// PM2 process file for the three apps on one machine: `npm run build && pm2 start ecosystem.config.js`.
//
// CommonJS on purpose: PM2 loads its process file with require(). That is why the root
// package.json is not an ES module (no "type": "module"); the root's own scripts are .mjs, and
// bench/ has a package.json of its own saying "type": "module".
//
// Secrets are not written here: a `.env` next to this file (see .env.example) is read and passed
// to every app, so `pm2 save` is the only place PM2 keeps them. REDIS_URL is required — the
// three processes share alerts, subscriptions, cache and the CoinGlass quota through Redis.
const { existsSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { parseEnv } = require("node:util");

const root = __dirname;
const envFile = join(root, ".env");
// Empty values (`REDIS_URL=` as in .env.example) mean "unset": they must not override the defaults below.
const fileEnv = Object.fromEntries(
  Object.entries(existsSync(envFile) ? parseEnv(readFileSync(envFile, "utf8")) : {}).filter(
    ([, v]) => v.trim() !== "",
  ),
);

const shared = {
  NODE_ENV: "production",
  REDIS_URL: "redis://127.0.0.1:6379",
  LOG_LEVEL: "info",
  ...fileEnv,
};

/** Settings every app shares: one fork-mode process, bounded restarts, graceful stop, log files. */
function app(name, dir, memory, env) {
  return {
    name,
    cwd: root,
    script: `apps/${dir}/dist/main.js`,
    node_args: ["--enable-source-maps"],
    exec_mode: "fork",
    instances: 1,
    env: { ...shared, ...env },
    // Restart on crash with exponential backoff (100 ms doubling up to 15 s); a process that
    // dies within 10 s of starting 10 times in a row is left stopped rather than looping.
    autorestart: true,
    max_restarts: 10,
    min_uptime: "10s",
    exp_backoff_restart_delay: 100,
    max_memory_restart: memory,
    // SIGINT first; the apps drain (in-flight requests, pending deliveries) within 8 s.
    kill_timeout: 10_000,
    // pino already writes JSON lines with timestamps; PM2 only routes them to files.
    out_file: join(root, "logs", `${name}.out.log`),
    error_file: join(root, "logs", `${name}.err.log`),
    merge_logs: true,
    time: false,
  };
}

module.exports = {
  apps: [
    app("teleglas-gpt-api", "gpt-api", "400M", {
      PORT: "8000",
      HOST: "127.0.0.1",
      // nginx on the same host is the only proxy whose X-Forwarded-For is believed.
      GPT_API_TRUST_PROXY: "127.0.0.1",
      ...pick(fileEnv, ["PORT", "HOST", "GPT_API_TRUST_PROXY"]),
    }),
    app("teleglas-alert-worker", "alert-worker", "300M", {
      WORKER_PORT: "8081",
      ...pick(fileEnv, ["WORKER_PORT"]),
    }),
    // Charts are rendered in-process (vega + resvg), hence the larger memory allowance.
    app("teleglas-telegram-bot", "telegram-bot", "500M", {
      // Prometheus scrapes the bot's /metrics here (infra/prometheus/prometheus.yml).
      BOT_METRICS_PORT: "8083",
      ...pick(fileEnv, ["BOT_METRICS_PORT"]),
    }),
  ],
};

/** The given keys of an env object that are set, so `.env` overrides the per-app defaults. */
function pick(env, keys) {
  const out = {};
  for (const key of keys) if (env[key]) out[key] = env[key];
  return out;
}
