// Composition root of the alert-worker process (filled by its own issue).
const stop = () => process.exit(0);
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
console.log("alert-worker: not implemented yet");
