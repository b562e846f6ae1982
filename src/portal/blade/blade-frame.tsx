import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  Button,
  makeStyles,
  Text,
  tokens,
  Toolbar,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { homeHash } from '../navigation/routes';
import { navigate } from '../navigation/router';
import { useBlade } from './blade-context';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    flex: 1,
    minWidth: 0,
    // Only the body (last) gives way in a short window; a status message above it keeps its text's height.
    '& > :not(:last-child)': { flexShrink: 0 },
  },
  header: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL} 0`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  titleRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  titles: { flex: 1, minWidth: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
    overflowWrap: 'anywhere',
  },
  toolbar: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalM}`,
    flexWrap: 'wrap',
  },
  body: {
    flex: 1,
    overflow: 'auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    // Fluent gives message bars a min-height, which lets a flex column squeeze a long one below its text when the
    // body scrolls: the text then spills over what follows.
    '& > *': { flexShrink: 0 },
  },
});

export interface BladeFrameProps {
  /** The blade's name; the title reads "{resource} | {title}". */
  title?: string;
  commands?: ReactNode;
  /** A status area between the command bar and the body (messages about the whole blade). */
  status?: ReactNode;
  children: ReactNode;
}

/** The portal's page frame: breadcrumb, "Name | Blade" title, resource type, close, command bar, then the body. */
export function BladeFrame({ title, commands, status, children }: BladeFrameProps) {
  const styles = useStyles();
  const blade = useBlade();
  const titleId = useId();
  const bladeTitle = title ?? blade.bladeLabel;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${blade.resourceName} | ${bladeTitle} - Keyguard`;
  }, [blade.resourceName, bladeTitle]);
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <div className={styles.header}>
        <Breadcrumb aria-label="Breadcrumb" size="small">
          <BreadcrumbItem>
            <BreadcrumbButton
              href={homeHash(blade.tenant)}
              onClick={(e) => (e.preventDefault(), void navigate(homeHash(blade.tenant)))}
            >
              Home
            </BreadcrumbButton>
          </BreadcrumbItem>
          <BreadcrumbDivider />
          <BreadcrumbItem>
            <BreadcrumbButton current>{blade.resourceName}</BreadcrumbButton>
          </BreadcrumbItem>
        </Breadcrumb>
        <div className={styles.titleRow}>
          <div className={styles.titles}>
            <h1 id={titleId} className={styles.title} ref={headingRef} tabIndex={-1}>
              {blade.resourceName} | {bladeTitle}
            </h1>
            <Text size={200}>{blade.typeLabel}</Text>
          </div>
          <Button
            appearance="subtle"
            icon={<DismissRegular />}
            aria-label="Close"
            onClick={() => void navigate(homeHash(blade.tenant))}
          />
        </div>
      </div>
      {commands && (
        <Toolbar aria-label="Command bar" className={styles.toolbar} size="small">
          {commands}
        </Toolbar>
      )}
      {status}
      <div className={styles.body}>{children}</div>
    </section>
  );
}
