export { createStores, type StoresOptions } from "./create-stores.js";
export type { LeaseStore } from "./leases.js";
export {
  type LoginCodeOptions,
  type LoginCodeStore,
  memoryLoginCodes,
  parseLoginCode,
  type RedeemResult,
  redisLoginCodes,
} from "./login-codes.js";
export { type AlertMatch, localClock, type MatchReason, matchesAlert, quietWindow } from "./match.js";
export { memoryReceivedLog, type Received, type ReceivedLog, redisReceivedLog } from "./received.js";
export { deleteByPrefix, redisScript } from "./redis-script.js";
export * from "./routes.js";
export {
  type CreateRuleResult,
  DEFAULT_RULES_PER_CHAT,
  FIRED_LOG_MAX,
  type RuleChanges,
  type RuleStore,
} from "./rules.js";
export * from "./types.js";
