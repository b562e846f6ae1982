import { describe, expect, it } from 'vitest';
import { Table } from '../store/table';

const sub = (s: string, name: string) => `/subscriptions/${s}/resourceGroups/rg/providers/X/y/${name}`;

describe('a twin table’s rows by subscription', () => {
  it('groups rows by the subscription in their id, whatever its case', () => {
    const t = new Table<string>('t');
    t.seed(sub('AAA', 'one'), 'one');
    t.seed(sub('bbb', 'two'), 'two');
    t.seed(sub('aaa', 'three'), 'three');
    t.seed('/tenants/aaa', 'not under a subscription');
    expect(t.inSubscription('aaa')).toEqual(['one', 'three']);
    expect(t.inSubscription('BBB')).toEqual(['two']);
    expect(t.inSubscription('ccc')).toEqual([]);
  });

  it('follows every change made after the rows were first grouped', () => {
    const t = new Table<string>('t');
    t.seed(sub('aaa', 'one'), 'one');
    t.seed(sub('aaa', 'two'), 'two');
    expect(t.inSubscription('aaa')).toEqual(['one', 'two']);
    t.delete(sub('aaa', 'one'));
    t.set(sub('aaa', 'two'), 'two, edited');
    t.set(sub('aaa', 'four'), 'four');
    t.seed(sub('aaa', 'five'), 'five');
    expect(t.inSubscription('aaa')).toEqual(['two, edited', 'four', 'five']);
    t.applyDiff({ [sub('aaa', 'four').toLowerCase()]: null });
    expect(t.inSubscription('aaa')).toEqual(['two, edited', 'five']);
  });
});
