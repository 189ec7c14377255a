/** Hands the opened repositories to the screens; features read them through `useRepositories`. */
import { createContext, useContext, type ReactNode } from 'react';
import type { Repositories } from './index';

const RepositoriesContext = createContext<Repositories | null>(null);

export function StorageProvider({ value, children }: { value: Repositories; children: ReactNode }) {
  return <RepositoriesContext.Provider value={value}>{children}</RepositoriesContext.Provider>;
}

export function useRepositories(): Repositories {
  const repositories = useContext(RepositoriesContext);
  if (!repositories) throw new Error('useRepositories outside StorageProvider');
  return repositories;
}
