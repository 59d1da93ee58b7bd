/** The visitor's choice on the consent banner, kept by the app (not by Attune). */
export type ConsentChoice = 'all' | 'essential';

const KEY = 'fernwood:consent';

export const readConsent = (): ConsentChoice | null => {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'all' || value === 'essential' ? value : null;
  } catch {
    return null;
  }
};

export const saveConsent = (choice: ConsentChoice) => {
  try {
    localStorage.setItem(KEY, choice);
  } catch {
    // Storage blocked: the banner asks again next visit, which is the safe default.
  }
};

/** What Attune may do under each choice: measurement and on-page help, never profiling here. */
export const attuneConsent = (choice: ConsentChoice) =>
  choice === 'all' ? { measurement: true, help: true, profiling: false } : { measurement: false, help: false, profiling: false };
