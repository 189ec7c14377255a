/// <reference types="vite/client" />
declare const __APP_VERSION__: string;
/** true in the browser build (vite.web.config.mts), false in Electron's renderer. */
declare const __WEB_BUILD__: boolean;
