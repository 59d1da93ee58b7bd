import { Link, useRouteFocus } from '../router';

export const Home = () => {
  useRouteFocus('home', 'Rotaboard — staff scheduling for busy small teams');
  return (
    <>
      <section className="hero">
        <div>
          <h1 tabIndex={-1}>The week's rota, done before your coffee cools.</h1>
          <p className="lede">
            Rotaboard builds shifts around everyone's availability, lets staff swap without a group chat, and hands payroll hours that
            already add up. Made for cafés, clinics and shops with 5 to 80 people.
          </p>
          <p className="actions">
            <Link className="button" to="signup">
              Start your free trial
            </Link>
            <Link className="button ghost" to="pricing">
              See pricing
            </Link>
          </p>
          <p className="small muted">14-day trial · No card needed · Set up in 10 minutes</p>
        </div>
        <figure className="rota" aria-label="A week in Rotaboard">
          <table>
            <thead>
              <tr>
                <th scope="col">Shift</th>
                <th scope="col">Mon</th>
                <th scope="col">Tue</th>
                <th scope="col">Wed</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Open 7–15</th>
                <td>Amira</td>
                <td>Jonas</td>
                <td>Amira</td>
              </tr>
              <tr>
                <th scope="row">Mid 11–19</th>
                <td>Priya</td>
                <td className="swap">Swap requested</td>
                <td>Leo</td>
              </tr>
              <tr>
                <th scope="row">Close 15–23</th>
                <td>Leo</td>
                <td>Priya</td>
                <td>Jonas</td>
              </tr>
            </tbody>
          </table>
        </figure>
      </section>

      <section className="features" aria-labelledby="features-title">
        <h2 id="features-title">Less time on spreadsheets, fewer 6am phone calls</h2>
        <ul className="grid">
          <li>
            <h3>Availability first</h3>
            <p>Staff mark when they can work from their phone. Rotaboard drafts a rota that respects it, and your labour budget.</p>
          </li>
          <li>
            <h3>Swaps without chaos</h3>
            <p>A swap request goes to the people qualified for that shift. You approve it with one tap, or let it approve itself.</p>
          </li>
          <li>
            <h3>Hours payroll trusts</h3>
            <p>Clock-ins from the shop tablet match the rota. Export approved timesheets to Xero, Sage or BrightPay.</p>
          </li>
          <li>
            <h3>Rules you set once</h3>
            <p>Minimum rest between shifts, under-18 limits and break times are checked as you plan, not after.</p>
          </li>
        </ul>
      </section>

      <section className="quote">
        <blockquote>
          <p>"Sunday evenings used to be rota night. Now it takes fifteen minutes and nobody texts me at midnight about swaps."</p>
          <footer>— Dana Okafor, owner of Harbour Café, Leeds</footer>
        </blockquote>
      </section>
    </>
  );
};
