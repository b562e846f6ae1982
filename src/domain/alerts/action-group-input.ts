/** What an admin types for a new action group, checked before anything is sent. */

/** A new action group's short name: at most 12 characters (it is shown in SMS). */
export function shortNameProblem(shortName: string): string | undefined {
  if (!shortName.trim()) return 'Enter a short name.';
  if (shortName.length > 12) return 'The short name can have at most 12 characters.';
  return undefined;
}

export function emailProblem(email: string): string | undefined {
  if (!email.trim()) return 'Enter the e-mail address to tell.';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? undefined : `${email} is not an e-mail address.`;
}
