/**
 * The signed-in screens (counter, mutual check, review, …) behind one "Menu" button in the top
 * bar. Shown as tabs they took a second row of the top bar for a manager, and the service screen
 * then no longer fitted a 1280 × 800 tablet: the last row of the strip fell below the screen.
 * The open list is the same navigation as before ("Screens", the current one pressed); choosing
 * one, tapping outside or Escape closes it.
 */
import type en from '../../core/i18n/locales/en.json';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The usual sign of a menu, beside its word (not a word itself: hidden from screen readers). */
const MENU_ICON = '☰';

/** The screens that have a name in the nav words (typed keys: a screen without one fails the type-check). */
type ScreenName = keyof (typeof en)['nav'] & string;

export function ScreensMenu<Tab extends ScreenName>({
  tabs,
  current,
  onChoose,
}: {
  tabs: readonly Tab[];
  current: Tab;
  onChoose: (tab: Tab) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  return (
    <div className="screens-menu" ref={menu}>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="screens-menu-icon" aria-hidden="true">
          {MENU_ICON}
        </span>
        {t('nav.menu')}
      </button>
      {open && (
        <nav id={listId} className="tabs" aria-label={t('nav.label')}>
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={current === name}
              onClick={() => {
                onChoose(name);
                setOpen(false);
              }}
            >
              {t(`nav.${name}`)}
            </button>
          ))}
        </nav>
      )}
    </div>
  );
}
