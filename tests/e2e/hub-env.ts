/** The store hub the hub spec's devices push to: started by playwright.config.ts, PGlite in memory. */
export const HUB_PORT = Number(process.env.E2E_HUB_PORT ?? 4183);
export const HUB_ORIGIN = `http://127.0.0.1:${HUB_PORT}`;
export const HUB_SETUP_CODE = 'E2E2-SETU-PHUB-2345';
