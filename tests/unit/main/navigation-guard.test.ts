// @vitest-environment node
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  type GuardableContents,
  applyNavigationGuards,
  isNavigationAllowed,
} from '../../../main/navigation-guard';

/** A stand-in for WebContents: an EventEmitter plus the window-open hook. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

function preventable(extra: Record<string, unknown> = {}) {
  const event = { prevented: false, preventDefault: () => (event.prevented = true), ...extra };
  return event;
}

function guarded() {
  const contents = new FakeContents();
  const blocked: Array<[string, string]> = [];
  applyNavigationGuards(contents as GuardableContents, (kind, url) => blocked.push([kind, url]));
  return { contents, blocked };
}

describe('isNavigationAllowed', () => {
  it('allows navigation within the app origin only', () => {
    expect(isNavigationAllowed('app://counter-steps/index.html')).toBe(true);
    expect(isNavigationAllowed('https://example.com/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
    expect(isNavigationAllowed('app://counter-steps.evil/')).toBe(false);
  });
});

describe('applyNavigationGuards', () => {
  it.each(['will-navigate', 'will-redirect'])(
    '%s to another origin is prevented and reported',
    (name) => {
      const { contents, blocked } = guarded();
      const event = preventable();
      contents.emit(name, event, 'https://example.com/phish');
      expect(event.prevented).toBe(true);
      expect(blocked).toHaveLength(1);
    },
  );

  it.each(['will-navigate', 'will-redirect'])('%s within the app is let through', (name) => {
    const { contents, blocked } = guarded();
    const event = preventable();
    contents.emit(name, event, 'app://counter-steps/index.html');
    expect(event.prevented).toBe(false);
    expect(blocked).toEqual([]);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'app://other-host/'])(
    'a sub-frame navigation to %s is prevented',
    (url) => {
      const { contents } = guarded();
      const event = preventable({ url });
      contents.emit('will-frame-navigate', event);
      expect(event.prevented).toBe(true);
    },
  );

  it('a webview is never attached', () => {
    const { contents } = guarded();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.prevented).toBe(true);
  });

  it('window.open is denied, even for the app’s own URLs', () => {
    const { contents } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'app://counter-steps/' })).toEqual({
      action: 'deny',
    });
  });
});
