/**
 * Which Chromium the tests and the browser benchmark drive: Playwright's own where it is installed
 * (a developer laptop), otherwise Debian's, since Playwright's browser download is blocked on our
 * machines. The flags keep Chromium from calling out to a network it cannot reach.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** `undefined` means "Playwright's own"; otherwise the path of a system Chromium. */
export function chromiumExecutable(playwrightChromium) {
  if (existsSync(playwrightChromium)) return undefined;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) =>
    existsSync(candidate),
  );
}
