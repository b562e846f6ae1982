/** The write was held back: the resource no longer matches what the user started editing from. */
export class ChangedMeanwhileError extends Error {
  constructor(what: string) {
    super(
      `Someone else changed ${what} since you started editing, so nothing was saved. Review their change, then keep your edits and save again, or load theirs.`,
    );
    this.name = 'ChangedMeanwhileError';
  }
}

export function isChangedMeanwhile(e: unknown): e is ChangedMeanwhileError {
  return e instanceof ChangedMeanwhileError;
}
