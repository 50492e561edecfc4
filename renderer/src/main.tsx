// First: main is asked for what the first screen needs while the rest of the bundle is evaluated.
import { stopApp } from './app/start-first';
import './arco';
import './app/app.css';
import './common/common.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './app/app-shell';
// After every feature's styles (they come with AppShell's components), so that these win a tie as they always did:
// how text wraps, and the palette raised to WCAG AA.
import './common/text-wrap.css';
import './app/theme/contrast.css';

// A hot reload in development runs this module again: the old listeners go first, or every event is heard twice.
import.meta.hot?.dispose(stopApp);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);
