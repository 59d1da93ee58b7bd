import { useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useAttune } from '@attune/react';
import { Link, useRouteFocus } from '../router';
import { EMPTY_SIGNUP, validateSignup, type SignupErrors, type SignupValues } from '../signup-form';

type Field = keyof SignupValues;

const FieldRow = ({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: Field;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) => (
  <div className={error ? 'field invalid' : 'field'} data-attune={id}>
    <label htmlFor={id}>{label}</label>
    {hint && (
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    )}
    {children}
    {error && (
      <p className="error" id={`${id}-error`}>
        {error}
      </p>
    )}
  </div>
);

export const Signup = () => {
  useRouteFocus('signup', 'Start your free trial — Rotaboard');
  const attune = useAttune();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SignupValues>(EMPTY_SIGNUP);
  const [errors, setErrors] = useState<SignupErrors>({});
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [state, setState] = useState<'editing' | 'sending' | 'done'>('editing');

  const update = (field: Field) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const target = event.currentTarget;
    const next = { ...values, [field]: target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value };
    setValues(next);
    // Once a field has shown an error, re-check it as the visitor types so the message goes away as soon as it is fixed.
    if (errors[field]) setErrors({ ...errors, [field]: validateSignup(next)[field] });
  };
  const blur = (field: Field) => () => {
    setTouched({ ...touched, [field]: true });
    if (field !== 'terms' && values[field] !== '') setErrors({ ...errors, [field]: validateSignup(values)[field] });
  };
  const described = (field: Field, hint = false) =>
    [hint ? `${field}-hint` : '', errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const a11y = (field: Field, hint = false) => ({
    id: field,
    name: field,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': described(field, hint),
    onBlur: blur(field),
    onChange: update(field),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateSignup(values);
    setErrors(found);
    setTouched({ name: true, email: true, workspace: true, teamSize: true, password: true, terms: true });
    const first = (Object.keys(EMPTY_SIGNUP) as Field[]).find((field) => found[field]);
    if (first) {
      form.current?.querySelector<HTMLElement>(`#${first}`)?.focus();
      return;
    }
    setState('sending');
    await new Promise((resolve) => setTimeout(resolve, 400));
    attune.track('conversion', { goal: 'trial_started' });
    attune.setStage('trial');
    setState('done');
  };

  if (state === 'done') {
    return (
      <section className="done" aria-labelledby="done-title">
        <h1 id="done-title" tabIndex={-1} ref={(el) => el?.focus()}>
          Your workspace is ready
        </h1>
        <p>
          We sent a link to <strong>{values.email}</strong>. Open it on your phone to add your first shift, then invite your team from{' '}
          <em>People</em>.
        </p>
        <p>
          <Link className="button ghost" to="pricing">
            Review plans
          </Link>
        </p>
      </section>
    );
  }

  const count = Object.values(errors).filter(Boolean).length;
  return (
    <section className="signup" aria-labelledby="signup-title">
      <h1 id="signup-title" tabIndex={-1}>
        Start your 14-day free trial
      </h1>
      <p className="muted">No card needed. You can invite your team once your workspace exists.</p>
      <form ref={form} noValidate onSubmit={submit} data-attune="signup" aria-describedby="signup-summary">
        <p id="signup-summary" className={count ? 'summary error' : 'visually-hidden'} role="status">
          {count ? `Please fix ${count} ${count === 1 ? 'field' : 'fields'} below.` : ''}
        </p>
        <FieldRow id="name" label="Your name" error={touched.name ? errors.name : undefined}>
          <input {...a11y('name')} type="text" autoComplete="name" value={values.name} />
        </FieldRow>
        <FieldRow id="email" label="Work email" error={touched.email ? errors.email : undefined}>
          <input {...a11y('email')} type="email" autoComplete="email" inputMode="email" value={values.email} />
        </FieldRow>
        <FieldRow
          id="workspace"
          label="Workspace address"
          hint="Your team signs in at this address."
          error={touched.workspace ? errors.workspace : undefined}
        >
          <div className="affix">
            <input {...a11y('workspace', true)} type="text" autoCapitalize="none" spellCheck={false} value={values.workspace} />
            <span aria-hidden="true">.rotaboard.example</span>
          </div>
        </FieldRow>
        <FieldRow id="teamSize" label="People you schedule" error={touched.teamSize ? errors.teamSize : undefined}>
          <select {...a11y('teamSize')} value={values.teamSize}>
            <option value="">Choose…</option>
            <option value="1-9">1 to 9</option>
            <option value="10-24">10 to 24</option>
            <option value="25-79">25 to 79</option>
            <option value="80+">80 or more</option>
          </select>
        </FieldRow>
        <FieldRow id="password" label="Password" hint="10 characters or more." error={touched.password ? errors.password : undefined}>
          <input {...a11y('password', true)} type="password" autoComplete="new-password" value={values.password} />
        </FieldRow>
        <div className={errors.terms ? 'field check invalid' : 'field check'} data-attune="terms">
          <input {...a11y('terms')} type="checkbox" checked={values.terms} />
          <label htmlFor="terms">
            I agree to the <a href="https://rotaboard.example/terms">terms</a> and the{' '}
            <a href="https://rotaboard.example/privacy">privacy notice</a>.
          </label>
          {errors.terms && (
            <p className="error" id="terms-error">
              {errors.terms}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={state === 'sending'}>
          {state === 'sending' ? 'Creating your workspace…' : 'Create workspace'}
        </button>
      </form>
    </section>
  );
};
