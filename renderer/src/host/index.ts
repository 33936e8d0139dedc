// The one HostApi of the app, chosen once at start-up: the preload's window.host inside
// Electron, the browser implementation everywhere else. Feature code imports `host` and never
// asks which one it got.
import type { HostApi } from '../../../electron/contract';
import { wrapBridgedHost } from '../../../electron/contract-client';
import { createBrowserHost } from './browserHost';

declare global {
  interface Window {
    host?: HostApi;
  }
}

export const host: HostApi = window.host ? wrapBridgedHost(window.host) : createBrowserHost();
export { HostError } from '../../../electron/contract';
