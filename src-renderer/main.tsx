import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DesktopGate } from './desktop/DesktopGate';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DesktopGate>
      <App />
    </DesktopGate>
  </StrictMode>,
);
