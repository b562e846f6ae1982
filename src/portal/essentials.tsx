import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { RouterLink } from './navigation/router-link';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, 40%) 1fr',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
});

export interface Fact {
  label: string;
  value: ReactNode;
  /** A console address the value links to (the subscription of a resource, say). */
  href?: string;
}

/** The portal's Essentials panel: label and value pairs, never collapsed. */
export function Essentials({ facts, label = 'Essentials' }: { facts: Fact[]; label?: string }) {
  const s = useStyles();
  return (
    <section aria-label={label}>
      <Text as="h2" weight="semibold" size={400} block style={{ marginBottom: 8 }}>
        {label}
      </Text>
      <dl className={s.grid}>
        {facts.map((f) => (
          <div key={f.label} className={s.row}>
            <dt className={s.term}>{f.label}</dt>
            <dd className={s.value}>{f.href ? <RouterLink href={f.href}>{f.value}</RouterLink> : f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
