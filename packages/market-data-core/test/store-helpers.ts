export {
  backends,
  makeAlert,
  makeStores,
  type StoreFixture,
  storesPerTest,
  waitFor,
} from "../src/testing/index.js";
