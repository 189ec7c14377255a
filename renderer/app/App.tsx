/**
 * Which screen. The customer display shows only itself; the counter shows CounterApp's (first
 * run, sign-in, the lock screen, choosing one's own PIN, the signed-in shell, or what stops
 * everything).
 */
import { lazy, Suspense } from 'react';
import { loadLaterWords } from '../i18n';
import type { View } from '../platform';
import { CounterApp } from './CounterApp';
import { UpdateGate } from './UpdateGate';

// The customer display is its own window: the counter's screen never loads it, nor it the counter's.
const DisplayScreen = lazy(() =>
  Promise.all([import('../features/display/DisplayScreen'), loadLaterWords()]).then(([module]) => ({
    default: module.DisplayScreen,
  })),
);

export function App({ view = 'counter', turned = false }: { view?: View; turned?: boolean }) {
  if (view === 'display') {
    return (
      <>
        <UpdateGate quiet />
        <Suspense fallback={null}>
          <DisplayScreen turned={turned} />
        </Suspense>
      </>
    );
  }
  return <CounterApp />;
}
