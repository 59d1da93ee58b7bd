import { useId, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ActiveHelp } from '@attune/react';
import type { SlotActions } from '@attune/react';
import { followLink } from '../router';

/**
 * Rotaboard's own help card for Attune's headless mode: the same look as the rest of the
 * app, with a clear way out, a "why" that explains itself, and a quick helpfulness check.
 */
export const HelpCard = ({ help, actions }: { help: ActiveHelp; actions: SlotActions }) => {
  const { action } = help.decision;
  const titleId = useId();
  const [why, setWhy] = useState(false);
  const [rated, setRated] = useState(false);
  if (action.type !== 'help' && action.type !== 'handoff') return null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') actions.dismiss('dismiss');
  };
  const onLink = (event: MouseEvent<HTMLAnchorElement>) => {
    actions.engage('link');
    followLink(event);
  };
  const links = action.type === 'help' ? (action.links ?? []) : [];

  return (
    // data-attune-ignore: clicks on the help itself are not signals of struggle.
    <aside className="help-card" aria-labelledby={titleId} data-attune-ignore="" onKeyDown={onKeyDown}>
      <div className="help-card__head">
        <h2 id={titleId}>{action.title}</h2>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => actions.dismiss('dismiss')}>
          ×
        </button>
      </div>
      <p>{action.body}</p>
      {links.length > 0 && (
        <ul className="help-card__links">
          {links.map((link) => (
            <li key={link.href}>
              <a href={link.href} onClick={onLink}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      {action.type === 'handoff' && (
        // Attune opens the rule's link, or hands the visitor to the site's onHandoff with the context.
        <button type="button" className="button small" onClick={() => actions.engage('handoff')}>
          {action.label ?? 'Talk to us'}
        </button>
      )}
      {why && <p className="help-card__why">{help.why}</p>}
      <div className="help-card__foot">
        <button
          type="button"
          className="link-button"
          aria-expanded={why}
          onClick={() => {
            if (!why) actions.engage('why');
            setWhy(!why);
          }}
        >
          Why am I seeing this?
        </button>
        {rated ? (
          <span className="muted" role="status">
            Thanks for telling us.
          </span>
        ) : (
          <span className="help-card__rate">
            Helpful?
            <button
              type="button"
              className="link-button"
              onClick={() => {
                actions.engage('helpful_yes');
                setRated(true);
              }}
            >
              Yes
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                actions.engage('helpful_no');
                setRated(true);
              }}
            >
              No
            </button>
          </span>
        )}
      </div>
      <button type="button" className="link-button muted" onClick={() => actions.dismiss('never')}>
        Don't show this again
      </button>
    </aside>
  );
};
