// The api bench's OAuth access token: the same agent flow as the API's OAuth tests.
export { oauthToken } from "../../apps/gpt-api/test/oauth-browser.js";
