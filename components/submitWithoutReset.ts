import { startTransition, type FormEvent } from "react";

/**
 * A form's submit handler that runs its action without React's automatic form reset: after a form
 * action React resets the form, which blanks what was typed when the server refuses it and puts
 * controlled selects back to their first option on screen while their state holds another value.
 */
export function submitWithoutReset(action: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
}
