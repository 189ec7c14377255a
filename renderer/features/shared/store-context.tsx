/**
 * Hands the device's store to the screens. Screens read the state through `useDeviceState` (it
 * re-renders them when the log moves) and change it only through `useCommand`.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { DeviceState } from '../../../core/domain/device/state';
import type { DeviceStore, StoreSnapshot } from '../../storage';

const StoreContext = createContext<DeviceStore | null>(null);

export function StoreProvider({ store, children }: { store: DeviceStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): DeviceStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside StoreProvider');
  return store;
}

export function useSnapshot(): StoreSnapshot {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function useDeviceState(): DeviceState {
  return useSnapshot().state;
}
