/**
 * The clerk's keyboard shortcuts (for a tablet with a keyboard, or a desktop): Space = Done on the
 * step card, S = Skip, N = Call next, ? = the list of shortcuts; Esc closes a dialog (ui/Dialog).
 * Ignored while typing in a field, with Ctrl, Alt or ⌘ held, on auto-repeat and during IME
 * composition. Space is left to the browser when a button or link has the keyboard focus, so a
 * keyboard user's Space still presses the focused button, as everywhere else.
 */
import type { ParseKeys } from 'i18next';
import { useLayoutEffect, useRef } from 'react';

export type ShortcutKey = 'space' | 's' | 'n' | '?';

/** The shortcuts in the order the list shows them, with their i18n keys. */
export const SHORTCUTS: readonly { keys: ParseKeys; label: ParseKeys }[] = [
  { keys: 'shortcuts.keys.space', label: 'shortcuts.done' },
  { keys: 'shortcuts.keys.s', label: 'shortcuts.skip' },
  { keys: 'shortcuts.keys.n', label: 'shortcuts.callNext' },
  { keys: 'shortcuts.keys.esc', label: 'shortcuts.close' },
  { keys: 'shortcuts.keys.help', label: 'shortcuts.help' },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement &&
      !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(target.type))
  );
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], input, select') !== null;
}

/** The shortcut a key press means, whatever the keyboard layout (S is KeyS on any layout). */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'code'>): ShortcutKey | null {
  if (event.key === ' ' || event.code === 'Space') return 'space';
  if (event.key === '?') return '?';
  const letter = /^[a-z]$/i.test(event.key)
    ? event.key.toLowerCase()
    : /^Key[A-Z]$/.test(event.code)
      ? event.code.slice(3).toLowerCase()
      : null;
  return letter === 's' || letter === 'n' ? letter : null;
}

export function useShortcuts(
  actions: Partial<Record<ShortcutKey, () => void>>,
  enabled: boolean,
): void {
  const latest = useRef(actions);
  // Layout effects, so that the keys follow the screen from the moment it is committed: a passive
  // effect may run a frame later (React runs them after paint), and a key pressed just after a
  // dialog closes would be lost.
  useLayoutEffect(() => {
    latest.current = actions;
  });
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.isComposing) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      const key = shortcutOf(event);
      if (!key) return;
      if (key === 'space' && isControl(event.target)) return;
      const action = latest.current[key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
