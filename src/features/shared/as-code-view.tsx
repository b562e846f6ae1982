import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import type { AsCode } from '../../domain/as-code/fix-as-code';

const useStyles = makeStyles({
  pre: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalM,
    overflowX: 'auto',
    whiteSpace: 'pre',
    margin: 0,
  },
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxWidth: '900px',
    minWidth: 0,
  },
  copy: { alignSelf: 'start' },
});

/** A change as Azure CLI commands and Bicep, each with a copy button (or why Bicep cannot express it). */
export function AsCodeView({
  title,
  code,
  headingLevel = 2,
}: {
  title: string;
  code: AsCode;
  headingLevel?: 2 | 3 | 4;
}) {
  const s = useStyles();
  const id = useId();
  const copy = (text: string) => void navigator.clipboard?.writeText(text);
  return (
    <section aria-labelledby={id} className={s.block}>
      <Text as={`h${headingLevel}`} id={id} weight="semibold" size={headingLevel === 2 ? 400 : 300}>
        {title}
      </Text>
      {code.cli && (
        <>
          <Text weight="semibold">Azure CLI</Text>
          <pre className={s.pre} role="region" tabIndex={0} aria-label={`${title}: Azure CLI`}>
            {code.cli}
          </pre>
          <Button size="small" icon={<CopyRegular />} onClick={() => copy(code.cli)} className={s.copy}>
            Copy Azure CLI command
          </Button>
        </>
      )}
      <Text weight="semibold">Bicep</Text>
      {code.bicep ? (
        <>
          <pre className={s.pre} role="region" tabIndex={0} aria-label={`${title}: Bicep`}>
            {code.bicep}
          </pre>
          <Button
            size="small"
            icon={<CopyRegular />}
            onClick={() => copy(code.bicep ?? '')}
            className={s.copy}
          >
            Copy Bicep
          </Button>
        </>
      ) : (
        <Text>{code.bicepNote}</Text>
      )}
    </section>
  );
}
