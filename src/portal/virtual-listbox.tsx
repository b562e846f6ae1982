import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  box: {
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  option: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'flex',
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':hover': {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      color: tokens.colorNeutralForeground1Hover,
    },
  },
  active: { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1Selected,
    fontWeight: tokens.fontWeightSemibold,
  },
  disabled: { color: tokens.colorNeutralForegroundDisabled, cursor: 'not-allowed' },
});

export interface ListItem {
  id: string;
  label: string;
  disabled?: boolean;
  content: ReactNode;
}

/**
 * A single-select listbox that renders only the options in view (thousands of vaults or keys), with the ARIA listbox
 * keyboard model: arrows move, Home/End jump, Enter or Space selects.
 */
export function VirtualListbox({
  label,
  items,
  selected,
  onSelect,
  height = 240,
  rowHeight = 44,
}: {
  label: string;
  items: ListItem[];
  selected?: string;
  onSelect(id: string): void;
  height?: number;
  rowHeight?: number;
}) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const [active, setActive] = useState(0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used as documented; its returned functions are not memoized
  const v = useVirtualizer({
    count: items.length,
    getScrollElement: () => ref.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));
  const move = (i: number) => {
    const next = Math.max(0, Math.min(items.length - 1, i));
    setActive(next);
    v.scrollToIndex(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') move(activeIndex + 1);
    else if (e.key === 'ArrowUp') move(activeIndex - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Enter' || e.key === ' ') {
      const item = items[activeIndex];
      if (item && !item.disabled) onSelect(item.id);
    } else return;
    e.preventDefault();
  };
  return (
    <div
      ref={ref}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={items.length ? `${baseId}-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
      className={styles.box}
      style={{ height: Math.min(height, Math.max(rowHeight, items.length * rowHeight) + 2) }}
    >
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((row) => {
          const item = items[row.index] as ListItem;
          return (
            // Keyboard goes to the listbox (aria-activedescendant), the ARIA pattern for listboxes; options only take clicks.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <div
              key={item.id}
              id={`${baseId}-${row.index}`}
              tabIndex={-1}
              role="option"
              aria-selected={item.id === selected}
              aria-disabled={item.disabled || undefined}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              className={mergeClasses(
                styles.option,
                item.id === selected && styles.selected,
                item.disabled && styles.disabled,
                row.index === activeIndex && styles.active,
              )}
              style={{ top: row.start, height: row.size }}
              onClick={() => {
                setActive(row.index);
                if (!item.disabled) onSelect(item.id);
              }}
            >
              {item.content}
            </div>
          );
        })}
      </div>
    </div>
  );
}
