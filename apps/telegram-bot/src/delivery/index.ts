/** The alert delivery path, exported for the broadcast benchmark and the local stack. */

/** Where a chat sends a kind (topic, channel or the chat); digests use it for their own sends. */
export { type Destination, destinationFor } from "@teleglas/market-data-core";
export { type ConsumeOptions, consumeAlerts, MalformedQueueEntryError } from "./alert-consumer.js";
export { type BullDeliveryOptions, createBullDelivery } from "./bullmq.js";
export { BOT_GROUP, type DispatcherOptions, startDispatcher } from "./dispatcher.js";
export { createMemoryDelivery } from "./memory.js";
export { type Recipient, recipientsFor } from "./recipients.js";
export { type RouteDeps, type Routed, type RouteNotice, sendRouted } from "./route.js";
export type { Delivery, DeliveryDeps, DeliveryEvent, DeliveryJob, DeliveryStats } from "./types.js";
