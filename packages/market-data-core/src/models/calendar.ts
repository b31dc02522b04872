/** One economic release (`fetchEconomicCalendar`). Values are CoinGlass's display text. */
export interface EconomicEvent {
  name: string;
  countryCode: string | null;
  country: string | null;
  /** 1..3; 3 = most important. */
  importance: number | null;
  time: number;
  /** False when CoinGlass says the exact time is not known (only the day is). */
  exactTime: boolean;
  forecast: string | null;
  previous: string | null;
  /** The released figure; null until published. */
  actual: string | null;
}

/** `getCalendar({ days, minImportance })`. */
export interface CalendarReport {
  /** Window start (now) and end, epoch ms. */
  from: number;
  to: number;
  minImportance: number;
  /** Soonest first. */
  events: EconomicEvent[];
}
