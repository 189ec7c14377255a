/**
 * Boot: the language, which view this window is (the counter, or the customer display: the
 * platform says), the device's store (its witness kept by the platform; opened as the display's
 * store only in the display), then the app. If the store cannot open, a screen says what happened
 * instead of a blank page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { StartupError } from './features/shared/StartupError';
import { StoreProvider } from './features/shared/store-context';
import { initI18n } from './i18n';
import { displayTurned, platform } from './platform';
import { DATABASE_NAME, StorageError, openStore, requestPersistentStorage } from './storage';
// The shared stylesheets, in this order: the cascade depends on it.
import './ui/base.css';
import './ui/chrome.css';
import './ui/forms.css';
import './ui/dialogs.css';
import './ui/shell.css';

/**
 * The review's catch-up slowed down, for tests that tap while it catches up (the e2e
 * review-catch-up spec sets `{"paceMs":…,"sliceRecords":…}` in localStorage): unset, it runs as fast
 * as its slices allow.
 */
function reviewPace(): { paceMs: number; sliceRecords: number } | undefined {
  try {
    const set = JSON.parse(localStorage.getItem('counter-steps:review-pace') ?? 'null') as {
      paceMs?: unknown;
      sliceRecords?: unknown;
    } | null;
    const paceMs = Number(set?.paceMs);
    const sliceRecords = Number(set?.sliceRecords);
    if (!(paceMs > 0 && paceMs <= 5_000 && sliceRecords >= 1)) return undefined;
    return { paceMs, sliceRecords: Math.floor(sliceRecords) };
  } catch {
    return undefined;
  }
}

async function boot(): Promise<void> {
  await initI18n();
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root');
  const root = createRoot(element);
  // New versions (the browser build's service worker): they wait for app/UpdateGate.tsx.
  platform().startUpdates();
  try {
    const info = await platform().getAppInfo();
    const view = info.ok ? info.value.view : 'counter';
    const store = await openStore({
      witness: platform().witness(DATABASE_NAME),
      keyKeeper: platform().keyKeeper(),
      display: view === 'display',
      reviewPace: reviewPace(),
      // Another window holds the database: say so while waiting (opening goes on once it lets go).
      onBlocked: () => root.render(<StartupError error={new StorageError('database-blocked')} />),
    });
    // Asking is what matters; managers see the answer in Settings.
    void requestPersistentStorage().catch(() => false);
    root.render(
      <StrictMode>
        <StoreProvider store={store}>
          <App view={view} turned={view === 'display' && displayTurned()} />
        </StoreProvider>
      </StrictMode>,
    );
    // The whole log is checked behind the screens once the first one is painted (the frame's
    // callback runs before that paint; the timeout after it), in a worker: start-up waits for none of it.
    requestAnimationFrame(() => setTimeout(() => store.watchLog(), 0));
  } catch (error) {
    root.render(<StartupError error={error} />);
  }
}

void boot();
