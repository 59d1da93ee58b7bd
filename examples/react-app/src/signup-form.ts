/** The signup form's fields, in the order they appear. */
export interface SignupValues {
  name: string;
  email: string;
  workspace: string;
  teamSize: string;
  password: string;
  terms: boolean;
}

export type SignupErrors = Partial<Record<keyof SignupValues, string>>;

export const EMPTY_SIGNUP: SignupValues = { name: '', email: '', workspace: '', teamSize: '', password: '', terms: false };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const WORKSPACE = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])?$/;
/** Workspaces that already exist in this demo, so the "taken" error can be seen. */
const TAKEN = new Set(['cafe', 'clinic', 'demo', 'rotaboard', 'admin']);

/** Checks every field and returns a message for each one that needs fixing. */
export const validateSignup = (values: SignupValues): SignupErrors => {
  const errors: SignupErrors = {};
  if (values.name.trim().length < 2) errors.name = 'Enter your full name.';
  if (!EMAIL.test(values.email.trim())) errors.email = 'Enter an email address like sam@harbour-cafe.com.';
  const workspace = values.workspace.trim();
  if (!WORKSPACE.test(workspace)) {
    errors.workspace = 'Use 3 to 40 lowercase letters, numbers or dashes, like harbour-cafe.';
  } else if (TAKEN.has(workspace)) {
    errors.workspace = `${workspace}.rotaboard.example is taken. Try adding your town, like ${workspace}-leeds.`;
  }
  if (!values.teamSize) errors.teamSize = 'Choose how many people you schedule.';
  if (values.password.length < 10) errors.password = 'Use 10 characters or more. A short sentence works well.';
  if (!values.terms) errors.terms = 'Please accept the terms to create your workspace.';
  return errors;
};
