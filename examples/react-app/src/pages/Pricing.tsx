import { Link, useRouteFocus } from '../router';

const PLANS = [
  {
    id: 'plan-starter',
    name: 'Starter',
    price: '£2',
    note: 'per person scheduled, per month',
    terms: ['Rota builder', 'Availability from phones', 'One location'],
    cta: 'Start with Starter',
  },
  {
    id: 'plan-team',
    name: 'Team',
    price: '£4',
    note: 'per person scheduled, per month',
    terms: ['Everything in Starter', 'Shift swaps with approval', 'Timesheet export', 'Up to 3 locations'],
    cta: 'Start with Team',
    featured: true,
  },
  {
    id: 'plan-multi',
    name: 'Multi-site',
    price: '£6',
    note: 'per person scheduled, per month',
    terms: ['Everything in Team', 'Unlimited locations', 'Labour cost forecasts', 'Single sign-on'],
    cta: 'Start with Multi-site',
  },
];

const COMPARE: [string, string, string, string][] = [
  ['Rota builder and templates', '✓', '✓', '✓'],
  ['Staff app (iOS, Android)', '✓', '✓', '✓'],
  ['Shift swaps with approval', '—', '✓', '✓'],
  ['Clock-in from a shop tablet', '—', '✓', '✓'],
  ['Timesheet export (Xero, Sage, BrightPay)', '—', '✓', '✓'],
  ['Locations', '1', 'Up to 3', 'Unlimited'],
  ['Labour cost forecasts', '—', '—', '✓'],
  ['Single sign-on (Google, Microsoft)', '—', '—', '✓'],
];

export const Pricing = () => {
  useRouteFocus('pricing', 'Pricing — Rotaboard');
  return (
    <>
      <section className="pricing" data-attune="pricing" aria-labelledby="pricing-title">
        <h1 id="pricing-title" tabIndex={-1}>
          Pay for the people you schedule
        </h1>
        <p className="muted">Prices exclude VAT. Managers and owners are always free. Cancel or change plans at any time.</p>
        <div className="plans">
          {PLANS.map((plan) => (
            <article
              key={plan.id}
              className={plan.featured ? 'plan featured' : 'plan'}
              data-attune={plan.id}
              aria-labelledby={`${plan.id}-name`}
            >
              {plan.featured && <p className="badge">Most popular</p>}
              <h2 id={`${plan.id}-name`}>{plan.name}</h2>
              <p className="price">
                <span className="amount">{plan.price}</span> {plan.note}
              </p>
              <ul>
                {plan.terms.map((term) => (
                  <li key={term}>
                    <span className="term">{term}</span>
                  </li>
                ))}
              </ul>
              <Link className={plan.featured ? 'button' : 'button ghost'} to="signup">
                {plan.cta}
              </Link>
            </article>
          ))}
        </div>
      </section>

      <section id="compare" className="compare" aria-labelledby="compare-title">
        <h2 id="compare-title">Compare every feature</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">Starter</th>
              <th scope="col">Team</th>
              <th scope="col">Multi-site</th>
            </tr>
          </thead>
          <tbody>
            {COMPARE.map(([feature, ...cells]) => (
              <tr key={feature}>
                <th scope="row">{feature}</th>
                {cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="faq" aria-labelledby="faq-title">
        <h2 id="faq-title">Questions we hear a lot</h2>
        <details>
          <summary>Who counts as a person scheduled?</summary>
          <p>Anyone who has at least one shift in a month. Seasonal staff who work only in summer cost nothing in winter.</p>
        </details>
        <details>
          <summary>Can I change plans later?</summary>
          <p>Yes, from Settings, at any time. Upgrades apply at once; downgrades at the end of the month.</p>
        </details>
        <details>
          <summary>Do you offer discounts for charities?</summary>
          <p>Registered charities get 30% off every plan. Email hello@rotaboard.example with your charity number.</p>
        </details>
      </section>
    </>
  );
};
