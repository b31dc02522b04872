import type { I18nFlavor } from "@grammyjs/i18n";
import type { MarketDataCore, Stores } from "@teleglas/market-data-core";
import type { Context } from "grammy";
import type { Logger } from "pino";
import type { BotConfig } from "./config.js";
import type { Delivery } from "./delivery/types.js";
import type { DigestScheduler } from "./digest/types.js";
import type { Language } from "./format/translate.js";

/** What the worker reports on its /health (the fields /status shows). */
export interface WorkerStatus {
  connected: boolean;
  lastEventAgeMs: number | null;
  role: string | null;
}

/** Everything the features use; built once by `startTelegramBot`. */
export interface BotDeps {
  config: BotConfig;
  logger: Logger;
  core: MarketDataCore;
  stores: Stores;
  delivery: Delivery | null;
  /** Per-chat digests (/digest); null until started. */
  digests: DigestScheduler | null;
  /** The alert-queue consumer group this process delivers from (/status counts its backlog). */
  alertGroup: string;
  startedAt: number;
  workerStatus: () => Promise<WorkerStatus | null>;
  renderChart: (input: import("@teleglas/charts").ChartInput) => Promise<Buffer>;
  renderEtfChart: (report: import("@teleglas/market-data-core").EtfReport) => Promise<Buffer>;
  renderLiqmapChart: typeof import("@teleglas/charts").renderLiqmapChart;
}

export type BotContext = Context &
  I18nFlavor & {
    deps: BotDeps;
    /** The chat's language (its setting, else the user's Telegram language, else English). */
    lang: Language;
    log: Logger;
  };
