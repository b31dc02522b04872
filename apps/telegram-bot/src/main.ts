// Composition root of the telegram-bot process (filled by its own issue).
const stop = () => process.exit(0);
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
console.log("telegram-bot: not implemented yet");
