import {
  Button,
  makeStyles,
  Radio,
  RadioGroup,
  SearchBox,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { directorySearch } from '../../arm/operations/graph';
import type { DirectoryPrincipal, PrincipalKind } from '../../arm/types/graph';
import type { PrincipalTrust } from '../../domain/bot-service-principal';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { queryKeys } from '../../queries/keys';
import { LookalikeNote, PrincipalTrustBadge } from '../shared/principal-trust-badge';
import type { TrustSubject } from '../shared/use-principal-trust';

const useStyles = makeStyles({
  results: {
    maxHeight: '320px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingVerticalXS,
  },
  id: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

const kindLabel: Record<PrincipalKind, string> = {
  user: 'User',
  group: 'Group',
  servicePrincipal: 'Application',
};

/**
 * Searches users, groups and applications by name; one principal is picked (shown with its object id). Security: an
 * application that only looks like Microsoft's Bot Service CMEK Prod is shown, with why, but cannot be picked, as
 * principal or as compound-identity application: nothing in Keyguard gives it access.
 */
export function PrincipalPicker({
  label,
  value,
  onChange,
  kinds,
  quickPicks = [],
  trustOf,
}: {
  label: string;
  value: DirectoryPrincipal | undefined;
  onChange(p: DirectoryPrincipal | undefined): void;
  kinds?: PrincipalKind[];
  quickPicks?: DirectoryPrincipal[];
  trustOf(p: TrustSubject): PrincipalTrust;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const results = useQuery({
    queryKey: queryKeys.graph('search', query),
    queryFn: ({ signal }) => directorySearch(query, signal),
    enabled: query.length >= 1,
    staleTime: 60_000,
  });
  const items = [
    ...quickPicks,
    ...(results.data ?? []).filter((r) => !quickPicks.some((q) => q.id === r.id)),
  ].filter((p) => !kinds || kinds.includes(p.kind));
  return (
    <div>
      <SearchBox
        aria-label={label}
        placeholder="Search by name"
        value={text}
        onChange={(_, d) => setText(d.value)}
      />
      {results.error ? (
        <ArmErrorBar error={results.error} title="The directory could not be searched" />
      ) : null}
      <div className={styles.results} role="group" aria-label="Search results">
        {results.isFetching && <Spinner size="tiny" label="Searching…" />}
        {query && !results.isFetching && items.length === 0 && (
          <Text>No principal named “{query}…” was found.</Text>
        )}
        <RadioGroup
          value={value?.id ?? ''}
          onChange={(_, d) => onChange(items.find((i) => i.id === d.value))}
          aria-label={`${label} results`}
        >
          {items.map((p) => (
            <Radio
              key={p.id}
              value={p.id}
              disabled={trustOf(p) === 'lookalike'}
              label={
                <span>
                  {p.displayName} <Text size={200}>({kindLabel[p.kind]})</Text>{' '}
                  <PrincipalTrustBadge trust={trustOf(p)} />
                  <br />
                  <Text size={200} className={styles.id}>
                    {p.id}
                    {p.secondary ? ` · ${p.secondary}` : ''}
                  </Text>
                  {trustOf(p) === 'lookalike' && (
                    <>
                      <LookalikeNote principal={p} />
                      <Text size={200}>Not offered: Keyguard gives a lookalike nothing.</Text>
                    </>
                  )}
                </span>
              }
            />
          ))}
        </RadioGroup>
      </div>
      <Text as="p" weight="semibold">
        Selected item
      </Text>
      {value ? (
        <Text>
          {value.displayName} <span className={styles.id}>({value.id})</span>{' '}
          <Button size="small" appearance="subtle" onClick={() => onChange(undefined)}>
            Remove
          </Button>
        </Text>
      ) : (
        <Text>No item selected.</Text>
      )}
    </div>
  );
}
