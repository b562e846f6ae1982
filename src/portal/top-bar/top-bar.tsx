import { makeStyles, tokens } from '@fluentui/react-components';
import { KeyMultipleRegular } from '@fluentui/react-icons';
import { lazy, Suspense, type ComponentType } from 'react';
import { useContentShown } from '../content-shown';
import { homeHash } from '../navigation/routes';
import { RouterLink } from '../navigation/router-link';

// The buttons on the right load once the page's own content is on screen: a deep link to a blade does not wait for
// menus and tooltips. Until then their space is kept so nothing moves.
const TopBarActions = lazy(() => import('./top-bar-actions'));

/** What the app puts in the bar: the chrome knows no Azure resource, so search and the directory pane are given. */
export interface TopBarSlots {
  /** The top-level pages, next to the brand (which leads home). */
  pages: { href: string; label: string; current: boolean }[];
  Search: ComponentType<{ tenant?: string }>;
  DirectoryPane: ComponentType<{ open: boolean; onClose(): void }>;
}

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
    minHeight: '40px',
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  pages: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  // Search and the buttons wrap as one block, one control high, whose width does not depend on what is in it: they
  // load after the page's content, and in a narrow window (or at 200 % zoom) the bar must not change its rows then.
  tools: {
    flex: '1 1 560px',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '32px',
    minWidth: 0,
  },
  search: { flex: 1, display: 'flex', justifyContent: 'center', minWidth: '160px' },
});

export function TopBar({ tenant, pages, Search, DirectoryPane }: { tenant?: string } & TopBarSlots) {
  const styles = useStyles();
  const shown = useContentShown();
  return (
    <header className={styles.bar}>
      <RouterLink
        href={homeHash(tenant)}
        className={styles.brand}
        aria-label="Keyguard for Azure Bot Service, home"
      >
        <KeyMultipleRegular fontSize={20} />
        <span>Keyguard for Azure Bot Service</span>
      </RouterLink>
      <nav aria-label="Pages" className={styles.pages}>
        {pages.map((p) => (
          <RouterLink key={p.href} href={p.href} aria-current={p.current ? 'page' : undefined}>
            {p.label}
          </RouterLink>
        ))}
      </nav>
      <div className={styles.tools}>
        <div className={styles.search} role="search">
          {shown && (
            <Suspense fallback={null}>
              <Search tenant={tenant} />
            </Suspense>
          )}
        </div>
        {shown && (
          <Suspense fallback={null}>
            <TopBarActions DirectoryPane={DirectoryPane} />
          </Suspense>
        )}
      </div>
    </header>
  );
}
