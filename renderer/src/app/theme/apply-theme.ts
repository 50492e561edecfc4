import type { ThemeSetting } from '../../../../shared/domain/settings';

function setDark(dark: boolean) {
  if (dark) document.body.setAttribute('arco-theme', 'dark');
  else document.body.removeAttribute('arco-theme');
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

/**
 * Arco's dark theme is switched by an attribute on <body>. "system" keeps it in step with the OS setting, live;
 * "light" and "dark" fix it. Returns a function that stops following.
 */
export function applyTheme(setting: ThemeSetting): () => void {
  if (setting !== 'system') {
    setDark(setting === 'dark');
    return () => undefined;
  }
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => setDark(query.matches);
  apply();
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
