/** pino redact paths: bearer keys must never reach a log line. */
export const REDACT = [
  "req.headers.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "authorization",
  "*.authorization",
];
