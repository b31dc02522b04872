/** A translation function bound to one locale (`ctx.t`, or `i18n.t` with a locale fixed). */
export type T = (key: string, vars?: Record<string, string | number>) => string;

/** The languages a chat can pick. */
export const LANGUAGES = ["en", "id"] as const;
export type Language = (typeof LANGUAGES)[number];
