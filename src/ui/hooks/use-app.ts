import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RunningApp } from '../../app/context.ts';

export const AppContext = createContext<RunningApp | null>(null);

/** The running app (database, who is shopping, the shop's runner), given by the shell. */
export function useApp(): RunningApp {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp() outside <AppContext.Provider>');
  return app;
}
