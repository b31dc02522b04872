// Composition root of the gpt-api process (filled by its own issue).
const stop = () => process.exit(0);
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
console.log("gpt-api: not implemented yet");
