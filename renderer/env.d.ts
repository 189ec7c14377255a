/// <reference types="vite/client" />
declare const __APP_VERSION__: string;
/** true in the browser build (vite.web.config.mts), false in Electron's renderer. */
declare const __WEB_BUILD__: boolean;
/** A part of a locale's words (scripts/locale-words-plugin.ts, core/i18n/parts.ts). */
declare module 'virtual:locale-words/*' {
  type Words = { readonly [key: string]: string | Words };
  const words: Words;
  export default words;
}
