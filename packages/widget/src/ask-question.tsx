import { useRef, useState } from 'preact/hooks';
import type { InterfaceStrings } from './interface-strings';
import type { WidgetAskAction } from './types';

/** Props of the one-question profiling view. */
export interface AskQuestionProps {
  action: WidgetAskAction;
  strings: InterfaceStrings;
  dir: 'ltr' | 'rtl';
  /** Called once with the answer, or `null` when the visitor skips. */
  answer(value: string | string[] | null): void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NEXT: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, ArrowRight: 1, ArrowLeft: -1 };

/**
 * One profiling question: single choice (a radio group with roving focus), multiple choice,
 * a short text or an email, with the rule's line on why it is asked. Always skippable.
 * The question itself is the card's title (`#attune-title`).
 */
export const AskQuestion = ({ action, strings, dir, answer }: AskQuestionProps) => {
  const options = (Array.isArray(action.options) ? action.options : []).filter((o) => o && typeof o.value === 'string');
  const [choice, setChoice] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const group = useRef<HTMLDivElement>(null);
  const input = action.input ?? (options.length ? 'single' : 'text');
  const described = [action.why && 'attune-askwhy', error && 'attune-err'].filter(Boolean).join(' ') || undefined;

  const onRadioKey = (event: KeyboardEvent) => {
    const radios = [...(group.current?.querySelectorAll<HTMLElement>('[role=radio]') ?? [])];
    const at = radios.indexOf(event.target as HTMLElement);
    let step = NEXT[event.key];
    // Left and right follow the reading direction.
    if (step && dir === 'rtl' && /Left|Right/.test(event.key)) step = -step;
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? radios.length - 1 : step ? (at + step + radios.length) % radios.length : -1;
    const option = options[to];
    if (to < 0 || !option) return;
    event.preventDefault();
    setChoice(option.value);
    radios[to]?.focus();
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const value: string | string[] | null =
      input === 'single' ? choice : input === 'multiple' ? (picked.length ? picked : null) : text.trim() || null;
    if (value === null) return setError(strings.chooseOne);
    if (input === 'email' && !EMAIL.test(value as string)) return setError(strings.invalidEmail);
    answer(value);
  };

  const focusable = Math.max(
    0,
    options.findIndex((o) => o.value === choice),
  );
  return (
    <form noValidate onSubmit={submit}>
      {action.why && (
        <p id="attune-askwhy" class="why">
          {action.why}
        </p>
      )}
      {input === 'single' ? (
        <div role="radiogroup" aria-labelledby="attune-title" aria-describedby={described} class="opts" ref={group} onKeyDown={onRadioKey}>
          {options.map((o, i) => (
            <button
              key={o.value}
              type="button"
              role="radio"
              class="opt"
              aria-checked={choice === o.value}
              tabIndex={i === focusable ? 0 : -1}
              onClick={() => (setChoice(o.value), setError(''))}
            >
              {o.label}
            </button>
          ))}
        </div>
      ) : input === 'multiple' ? (
        <fieldset class="opts" aria-describedby={described}>
          <legend class="sr">{action.question}</legend>
          {options.map((o) => (
            <label key={o.value} class="opt">
              <input
                type="checkbox"
                checked={picked.includes(o.value)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setPicked((now) => (on ? [...now.filter((v) => v !== o.value), o.value] : now.filter((v) => v !== o.value)));
                  setError('');
                }}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
      ) : (
        <input
          class="field"
          type={input === 'email' ? 'email' : 'text'}
          autocomplete={input === 'email' ? 'email' : 'off'}
          maxLength={input === 'email' ? 254 : 200}
          aria-labelledby="attune-title"
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          value={text}
          onInput={(e) => (setText((e.currentTarget as HTMLInputElement).value), setError(''))}
        />
      )}
      <p id="attune-err" class="err" aria-live="polite">
        {error}
      </p>
      <p class="row">
        <button type="submit" class="go">
          {strings.send}
        </button>
        <button type="button" onClick={() => answer(null)}>
          {strings.skip}
        </button>
      </p>
    </form>
  );
};
