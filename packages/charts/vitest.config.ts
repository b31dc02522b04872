import { teleglasVitestConfig } from "../../vitest.shared.mjs";

export default teleglasVitestConfig();
