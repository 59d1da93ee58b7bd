/** The studio signup form's fields, in the order they appear. */
export interface SignupValues {
  studio: string;
  name: string;
  email: string;
  address: string;
  classesPerWeek: string;
  password: string;
  terms: boolean;
}

export type SignupErrors = Partial<Record<keyof SignupValues, string>>;

export const emptySignup = (): SignupValues => ({
  studio: '',
  name: '',
  email: '',
  address: '',
  classesPerWeek: '',
  password: '',
  terms: false,
});

export const FIELD_ORDER: readonly (keyof SignupValues)[] = ['studio', 'name', 'email', 'address', 'classesPerWeek', 'password', 'terms'];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const ADDRESS = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])?$/;
/** Booking pages that already exist in this demo, so the "taken" error can be seen. */
const TAKEN = new Set(['yoga', 'pilates', 'studio', 'fernwood', 'demo']);

/** Checks every field and returns a message for each one that needs fixing. */
export const validateSignup = (values: SignupValues): SignupErrors => {
  const errors: SignupErrors = {};
  if (values.studio.trim().length < 2) errors.studio = "Enter your studio's name.";
  if (values.name.trim().length < 2) errors.name = 'Enter your full name.';
  if (!EMAIL.test(values.email.trim())) errors.email = 'Enter an email address like maya@sunrise-yoga.com.';
  const address = values.address.trim();
  if (!ADDRESS.test(address)) errors.address = 'Use 3 to 40 lowercase letters, numbers or dashes, like sunrise-yoga.';
  else if (TAKEN.has(address)) errors.address = `fernwood.example/${address} is taken. Try adding your town, like ${address}-bristol.`;
  if (!values.classesPerWeek) errors.classesPerWeek = 'Choose how many classes you run a week.';
  if (values.password.length < 10) errors.password = 'Use 10 characters or more.';
  if (!values.terms) errors.terms = 'Please accept the terms to create your studio.';
  return errors;
};
