import { ImportDrawer } from '../features/profiles/import-drawer';
import { ProfileFormDrawer } from '../features/profiles/profile-form-drawer';
import { SettingsDrawer } from '../features/settings/settings-drawer';
import { useProfilesStore } from '../features/profiles/profiles-store';
import { useUiStore } from './ui-store';

/** Shows the drawer the UI store says is open; screens only ask for one. */
export function DrawerHost() {
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
