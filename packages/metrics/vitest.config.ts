import { teleglasVitestConfig } from "../../vitest.shared.js";

export default teleglasVitestConfig();
