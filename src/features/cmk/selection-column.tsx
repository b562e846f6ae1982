import { Checkbox } from '@fluentui/react-components';
import type { CmkRow } from '../../domain/cmk/posture';
import type { Column } from '../../portal/virtual-table';

export interface Selection {
  has(id: string): boolean;
  toggle(id: string): void;
  /** How many of the bots shown are selected. */
  shown: 'all' | 'some' | 'none';
  toggleShown(): void;
}

/** A checkbox per bot, and one in the header for every bot shown (the filter decides which). */
export function selectionColumn(selection: Selection): Column<CmkRow> {
  return {
    key: 'select',
    header: 'Select',
    width: '52px',
    headerCell: (
      <Checkbox
        aria-label="Select every bot shown"
        checked={selection.shown === 'all' ? true : selection.shown === 'some' ? 'mixed' : false}
        onChange={selection.toggleShown}
      />
    ),
    render: (r) => (
      <Checkbox
        aria-label={`Select ${r.name}`}
        checked={selection.has(r.id)}
        onChange={() => selection.toggle(r.id)}
      />
    ),
  };
}
