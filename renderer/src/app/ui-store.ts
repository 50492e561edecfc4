import { create } from 'zustand';

export type Drawer = { kind: 'create' } | { kind: 'edit'; profileId: string } | { kind: 'import' } | { kind: 'settings' };

export type View = 'workspace' | 'sweep' | 'history' | 'profiles';

/** Which screen and which drawer are showing: shared by the screens that open one and the shell that shows it. */
interface UiState {
  view: View;
  setView: (view: View) => void;
  drawer: Drawer | null;
  openDrawer: (drawer: Drawer) => void;
  closeDrawer: () => void;
}

export const useUiStore = create<UiState>()((set) => ({
  view: 'workspace',
  setView: (view) => set({ view }),
  drawer: null,
  openDrawer: (drawer) => set({ drawer }),
  closeDrawer: () => set({ drawer: null }),
}));
