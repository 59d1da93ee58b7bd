import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AttuneProvider, useDecision } from '@attune/react';

function Status() {
  const help = useDecision();
  return <p id="status">{help ? `showing ${help.decision.ruleId}` : 'no help'}</p>;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AttuneProvider config={{ rules: '/attune-rules.json', endpoint: '/collect', consent: 'granted' }}>
      <h1>Pricing</h1>
      <section data-attune="pricing" style={{ padding: 40 }}>
        <p className="plan">Team: 8 € per person</p>
      </section>
      <Status />
    </AttuneProvider>
  </StrictMode>,
);
