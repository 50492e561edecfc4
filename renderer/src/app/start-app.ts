import { workspaceFlow } from '../features/workspace/workspace-flow';
import { useAppStore } from './app-store';
import { listenToMain } from './listen-to-main';

/**
 * Starts the window's renderer: the stores hear main's events, the flows that span stores follow them, and what the
 * first screen needs is loaded. Returns what stops the listening and the following (on a hot reload in development,
 * and in tests).
 */
export function startApp(): () => void {
  const stopListening = listenToMain();
  const stopFlow = workspaceFlow.start();
  void useAppStore.getState().start();
  return () => {
    stopFlow();
    stopListening();
  };
}
