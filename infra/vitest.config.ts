import { teleglasVitestConfig } from "../vitest.shared.mjs";

export default teleglasVitestConfig({ testTimeout: 60_000 });
