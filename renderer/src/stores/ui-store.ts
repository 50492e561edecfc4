import { create } from 'zustand';

export type Drawer = { kind: 'create' } | { kind: 'edit'; profileId: string } | { kind: 'import' };

/** Which drawer is open: shared by the screens that open one and the shell that shows it. */
interface UiState {
  drawer: Drawer | null;
  openDrawer: (drawer: Drawer) => void;
  closeDrawer: () => void;
}

export const useUiStore = create<UiState>()((set) => ({
  drawer: null,
  openDrawer: (drawer) => set({ drawer }),
  closeDrawer: () => set({ drawer: null }),
}));
