import { describe, expect, it } from 'vitest';
import { mergeEdits } from '../form/use-settings-form';

describe('keeping my edits on top of another admin’s change', () => {
  const base = { access: 'selected', rules: ['203.0.113.0/24'], bypass: false };

  it('keeps the fields I changed and takes theirs for the rest', () => {
    const mine = { ...base, access: 'disabled' };
    const theirs = { ...base, rules: ['198.51.100.0/24'], bypass: true };
    expect(mergeEdits(base, mine, theirs)).toEqual({
      access: 'disabled',
      rules: ['198.51.100.0/24'],
      bypass: true,
    });
  });

  it('lets my value win where we both changed the same field', () => {
    const mine = { ...base, rules: ['203.0.113.7'] };
    const theirs = { ...base, rules: [] };
    expect(mergeEdits(base, mine, theirs).rules).toEqual(['203.0.113.7']);
  });

  it('applies my additions and removals to their list instead of replacing it', () => {
    const mine = { ...base, rules: ['198.51.100.7'] };
    const theirs = { ...base, rules: ['203.0.113.0/24', '192.0.2.10'] };
    expect(mergeEdits(base, mine, theirs).rules).toEqual(['192.0.2.10', '198.51.100.7']);
  });
});
