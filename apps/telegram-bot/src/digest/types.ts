/** Runs each chat's digest on its schedule: BullMQ job schedulers, or the in-memory twin. */
export interface DigestScheduler {
  readonly backend: "bullmq" | "memory";
  /** Brings the chat's schedule in line with its settings (digest set, changed or off; time zone). */
  sync(chatId: number): Promise<void>;
  /** Starts running due digests (a process may sync without running them). */
  start(): void;
  close(): Promise<void>;
}
