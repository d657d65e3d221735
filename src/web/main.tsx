import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { prefetchMonitoring } from './indices/prefetch.ts';
import { paths } from './router.ts';
import './styles.css';

// Opened directly on the monitoring page: its data start loading beside the configuration.
if (window.location.pathname === paths.monitoring) prefetchMonitoring();

const root = document.getElementById('root');
if (!root) throw new Error('#root fehlt in index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
