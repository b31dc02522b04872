import { teleglasVitestConfig } from "../vitest.shared.js";

export default teleglasVitestConfig({ testTimeout: 60_000 });
