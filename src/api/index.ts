// The HTTP API's public face.
export { createApp, type AppOptions } from './app.js';
export { CONTENT_SECURITY_POLICY } from './security-headers.js';
export { isPrivateAddress, checkFetchUrl } from './url-guard.js';
