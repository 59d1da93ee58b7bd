import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AttuneProvider, type AttuneConfig } from '@attune/react';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root') as HTMLElement;

const config: AttuneConfig = {
  rules: `${import.meta.env.BASE_URL}attune-rules.json`,
  // The endpoint and site id live in index.html, so a deployment (or the test server) can change them without a rebuild.
  endpoint: root.dataset.endpoint,
  site: root.dataset.site,
  consent: 'pending',
  headless: true,
  // Add ?attune-debug to the address to log every signal and decision in the console.
  debug: new URLSearchParams(location.search).has('attune-debug'),
};

createRoot(root).render(
  <StrictMode>
    <AttuneProvider config={config}>
      <App />
    </AttuneProvider>
  </StrictMode>,
);
