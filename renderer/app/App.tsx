/**
 * Which screen. The customer display shows only itself; the counter shows CounterApp's (first
 * run, sign-in, the lock screen, choosing one's own PIN, the signed-in shell, or what stops
 * everything).
 */
import { DisplayScreen } from '../features/display/DisplayScreen';
import type { View } from '../platform';
import { CounterApp } from './CounterApp';
import { UpdateGate } from './UpdateGate';

export function App({ view = 'counter', turned = false }: { view?: View; turned?: boolean }) {
  if (view === 'display') {
    return (
      <>
        <UpdateGate quiet />
        <DisplayScreen turned={turned} />
      </>
    );
  }
  return <CounterApp />;
}
