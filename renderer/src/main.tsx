import './arco';
import './app/app.css';
import './theme/contrast.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './app/app-shell';
import { useAppStore } from './app/app-store';

void useAppStore.getState().start();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);
