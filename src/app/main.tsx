import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens, shell and controls first, in this order: the features' stylesheets (imported by app.tsx) build on them.
import './tokens.css';
import './shell/shell.css';
import './controls.css';
import { App } from './app';
import { openViewFromUrl, startUrlSync } from './shared/url-sync';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void openViewFromUrl(location.search).then(() => startUrlSync());
