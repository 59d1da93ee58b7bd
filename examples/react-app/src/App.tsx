import type { ComponentType } from 'react';
import { AttuneSlot } from '@attune/react';
import { ConsentBanner } from './components/ConsentBanner';
import { HelpCard } from './components/HelpCard';
import { Home } from './pages/Home';
import { Pricing } from './pages/Pricing';
import { Signup } from './pages/Signup';
import { Link, useRoute, type Route } from './router';

const PAGES: Record<Route, ComponentType> = { home: Home, pricing: Pricing, signup: Signup };

export const App = () => {
  const route = useRoute();
  const Page = PAGES[route];
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link className="brand" to="home">
          Rotaboard
        </Link>
        <nav aria-label="Main">
          <Link to="home" aria-current={route === 'home' ? 'page' : undefined}>
            Product
          </Link>
          <Link to="pricing" aria-current={route === 'pricing' ? 'page' : undefined}>
            Pricing
          </Link>
          <Link className="button small" to="signup" aria-current={route === 'signup' ? 'page' : undefined}>
            Start free trial
          </Link>
        </nav>
      </header>
      <main id="main">
        <Page />
      </main>
      <footer className="bottom">
        <p className="small muted">
          Rotaboard Ltd · 14 Wharf Street, Leeds · <a href="mailto:hello@rotaboard.example">hello@rotaboard.example</a>
        </p>
      </footer>
      {/* Attune decides when to help; Rotaboard's own card renders it. */}
      <AttuneSlot>{(help, actions) => <HelpCard key={help.decision.ruleId} help={help} actions={actions} />}</AttuneSlot>
      <ConsentBanner />
    </>
  );
};
