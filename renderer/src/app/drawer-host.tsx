import { Suspense, type ReactNode } from 'react';
import { useProfilesStore } from '../features/profiles/profiles-store';
import { ImportDrawer, ProfileFormDrawer, SettingsDrawer } from './on-demand-screens';
import { useUiStore } from './ui-store';

/** Shows the drawer the UI store says is open; screens only ask for one. Each loads on demand (nothing shows meanwhile). */
export function DrawerHost() {
  return (
    <Suspense fallback={null}>
      <OpenDrawer />
    </Suspense>
  );
}

function OpenDrawer(): ReactNode {
  const drawer = useUiStore((state) => state.drawer);
  const closeDrawer = useUiStore((state) => state.closeDrawer);
  const profiles = useProfilesStore((state) => state.profiles);
  if (drawer === null) return null;
  if (drawer.kind === 'import') return <ImportDrawer onClose={closeDrawer} />;
  if (drawer.kind === 'create') return <ProfileFormDrawer onClose={closeDrawer} />;
  if (drawer.kind === 'settings') return <SettingsDrawer onClose={closeDrawer} />;
  const profile = profiles.find((candidate) => candidate.id === drawer.profileId);
  return profile === undefined ? null : <ProfileFormDrawer key={profile.id} profile={profile} onClose={closeDrawer} />;
}
