/**
 * Killing the browser, for the crash loop (see crash-loop.spec.ts): SIGKILL to the Chromium
 * browser process of a profile (found in /proc), then waiting until every process of the profile
 * is gone.
 */
import { expect, type BrowserContext } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

/** Chromium's browser process for this profile (the one without --type=), from /proc. */
function browserPids(profile: string): { browser: number[]; all: number[] } {
  const browser: number[] = [];
  const all: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const args = cmdline.split('\0');
    if (!args.includes(`--user-data-dir=${profile}`)) continue;
    all.push(Number(entry));
    if (!args.some((arg) => arg.startsWith('--type='))) browser.push(Number(entry));
  }
  return { browser, all };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    const state = /^State:\s+(\w)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return state !== 'Z';
  } catch {
    return false;
  }
};

/** SIGKILL to the browser process; then waits for every process of the profile to be gone. */
export async function kill(context: BrowserContext, profile: string): Promise<void> {
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  const { browser } = browserPids(profile);
  expect(browser, 'the browser process of the profile').toHaveLength(1);
  process.kill(browser[0]!, 'SIGKILL');
  await closed;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const left = browserPids(profile).all.filter(alive);
    if (left.length === 0) return;
    if (Date.now() > deadline) {
      // Children that outlived their browser (they would hold the profile): ours, killed too.
      for (const pid of left) process.kill(pid, 'SIGKILL');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
