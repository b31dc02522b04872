import { teleglasVitestConfig } from "../../vitest.shared.mjs";

// The integration tests follow injected storms in real time (about 12 s each).
export default teleglasVitestConfig({ testTimeout: 60_000 });
