export const SIM_VERSION = "0.1.0";
