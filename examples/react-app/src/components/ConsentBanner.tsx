import { useState } from 'react';
import { useAttune } from '@attune/react';
import { attuneConsent, readConsent, saveConsent, type ConsentChoice } from '../consent';

/**
 * Asks once. Attune starts with consent pending: until the visitor chooses, nothing is sent
 * and nothing but consent state is stored.
 */
export const ConsentBanner = () => {
  const attune = useAttune();
  const [choice, setChoice] = useState<ConsentChoice | null>(() => {
    const saved = readConsent();
    if (saved) attune.setConsent(attuneConsent(saved));
    return saved;
  });
  if (choice) return null;
  const choose = (next: ConsentChoice) => {
    saveConsent(next);
    attune.setConsent(attuneConsent(next));
    setChoice(next);
  };
  return (
    <section className="consent" aria-label="Privacy choices">
      <p>
        May we measure where our pages are hard to use, and offer a tip when you seem stuck? We never record what you type, and no data
        leaves for third parties.
      </p>
      <div className="consent__buttons">
        <button type="button" className="button" onClick={() => choose('all')}>
          Allow
        </button>
        <button type="button" className="button ghost" onClick={() => choose('essential')}>
          Essential only
        </button>
      </div>
    </section>
  );
};
