import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { parseResourceId } from '../../arm/resource-id';
import type { PrivateEndpointConnectionItem } from '../../arm/types/key-vault';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '820px' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Networking → Private endpoint connections: each endpoint and the state of its connection. */
export function PrivateEndpoints({ connections }: { connections: PrivateEndpointConnectionItem[] }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Private endpoint connections">
      {connections.length === 0 ? (
        <Text>This key vault has no private endpoint connections.</Text>
      ) : (
        <ul className={styles.list}>
          {connections.map((c) => (
            <li key={c.id}>
              <Text>
                {parseResourceId(c.properties?.privateEndpoint?.id ?? '')?.name ?? 'Unknown endpoint'} ·{' '}
                {c.properties?.privateLinkServiceConnectionState?.status ?? 'Unknown'}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
