import './arco';
import './zod-without-eval';
import './app/app.css';
import './common/common.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './app/app-shell';
import { useAppStore } from './app/app-store';
// After every feature's styles (they come with AppShell's components), so that these win a tie as they always did:
// how text wraps, and the palette raised to WCAG AA.
import './common/text-wrap.css';
import './app/theme/contrast.css';

void useAppStore.getState().start();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);
