export const CHROMIUM_ARGS: string[];
export function chromiumExecutable(playwrightChromium: string): string | undefined;
