import { makeStyles, mergeClasses, SearchBox, Text, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { navigate } from './navigation/router';

interface MenuItem {
  id: string;
  label: string;
  icon: ReactElement;
  /** Shown by the Azure portal, not by Keyguard: a link there (live mode only), never a page that says "not here". */
  external?: boolean;
}

export interface MenuGroup {
  title?: string;
  items: MenuItem[];
}

const useStyles = makeStyles({
  nav: {
    width: '220px',
    flexShrink: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    overflowY: 'auto',
    '@media (max-width: 700px)': {
      width: '100%',
      borderRight: 'none',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      maxHeight: '40vh',
    },
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  groupTitle: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      color: tokens.colorNeutralForeground1Hover,
    },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1Selected,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 3px 0 0 ${tokens.colorCompoundBrandStroke}`,
  },
});

/** The resource's left menu: "Search (Ctrl+/)" filter, the portal's groups, the current blade marked. */
export function ResourceMenu({
  groups,
  selected,
  hrefFor,
  externalHrefFor,
}: {
  groups: MenuGroup[];
  selected: string;
  hrefFor: (id: string) => string;
  /** Where an external entry leads; entries are left out when there is nowhere to go (no portal in demo mode). */
  externalHrefFor?: (id: string) => string;
}) {
  const styles = useStyles();
  const [filter, setFilter] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const f = filter.trim().toLowerCase();
  const visible = groups
    .map((g) => ({
      ...g,
      items: g.items.filter(
        (i) => (!i.external || externalHrefFor) && (!f || i.label.toLowerCase().includes(f)),
      ),
    }))
    .filter((g) => g.items.length > 0);
  return (
    <nav aria-label="Resource menu" className={styles.nav}>
      <SearchBox
        ref={searchRef}
        size="small"
        placeholder="Search (Ctrl+/)"
        aria-label="Search the resource menu (Ctrl+/)"
        value={filter}
        onChange={(_, d) => setFilter(d.value)}
      />
      {visible.length === 0 && <Text size={200}>No menu item matches “{filter}”.</Text>}
      {visible.map((g, gi) => (
        <div key={g.title ?? `group-${gi}`}>
          {g.title && (
            <Text as="h2" size={200} className={styles.groupTitle} block>
              {g.title}
            </Text>
          )}
          <ul className={styles.list} aria-label={g.title ?? 'General'}>
            {g.items.map((item) => {
              if (item.external && externalHrefFor)
                return (
                  <li key={item.id}>
                    <a
                      href={externalHrefFor(item.id)}
                      target="_blank"
                      rel="noreferrer"
                      className={styles.item}
                      aria-label={`${item.label} (opens in the Azure portal)`}
                    >
                      {item.icon}
                      {item.label}
                      <OpenRegular aria-hidden />
                    </a>
                  </li>
                );
              const href = hrefFor(item.id);
              const current = item.id === selected;
              return (
                <li key={item.id}>
                  <a
                    href={href}
                    aria-current={current ? 'page' : undefined}
                    className={mergeClasses(styles.item, current && styles.selected)}
                    onClick={(e) => {
                      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
                      e.preventDefault();
                      void navigate(href);
                    }}
                  >
                    {item.icon}
                    {item.label}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
