// The web-vitals chunk (attune-vitals.js), fetched by attune.js once the page is idle, for sampled page views only.
export { startVitals } from '../vitals';
