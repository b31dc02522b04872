export const FAKE_TELEGRAM_VERSION = "0.1.0";
