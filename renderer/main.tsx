import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { openRepositories, requestPersistentStorage } from './storage';
import { StorageProvider } from './storage/provider';
import './ui/styles.css';

async function boot(): Promise<void> {
  await initI18n();
  const repositories = openRepositories();
  // Fire and forget: asking is what matters; the answer only says how safe the data is.
  void requestPersistentStorage().catch(() => false);
  // Only the browser build ships a service worker (Electron serves its files from disk).
  if (__WEB_BUILD__ && import.meta.env.PROD && 'serviceWorker' in navigator) {
    void navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <StorageProvider value={repositories}>
        <App />
      </StorageProvider>
    </StrictMode>,
  );
}

void boot();
