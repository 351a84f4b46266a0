import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './app.css';
import { openViewFromUrl, startUrlSync } from './store/url-sync';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void openViewFromUrl(location.search).then(() => startUrlSync());
