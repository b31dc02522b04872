/** The alert delivery path, exported for the broadcast benchmark and the local stack. */
export { type BullDeliveryOptions, createBullDelivery } from "./bullmq.js";
export { BOT_GROUP, type DispatcherOptions, startDispatcher } from "./dispatcher.js";
export { createMemoryDelivery } from "./memory.js";
export { type Recipient, recipientsFor } from "./recipients.js";
export type { Delivery, DeliveryDeps, DeliveryEvent, DeliveryJob, DeliveryStats } from "./types.js";
