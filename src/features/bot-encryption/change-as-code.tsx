import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';

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
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '900px' },
});

/** The saved change as an Azure CLI command and a Bicep snippet, to repeat it in scripts. */
export function ChangeAsCode({ cli, bicep }: { cli: string; bicep: string }) {
  const s = useStyles();
  const copy = (text: string) => void navigator.clipboard?.writeText(text);
  return (
    <section aria-labelledby="as-code" className={s.block}>
      <Text as="h2" id="as-code" weight="semibold" size={400}>
        This change as code
      </Text>
      <Text weight="semibold">Azure CLI</Text>
      <pre className={s.pre} aria-label="Azure CLI command">
        {cli}
      </pre>
      <Button size="small" icon={<CopyRegular />} onClick={() => copy(cli)} style={{ alignSelf: 'start' }}>
        Copy Azure CLI command
      </Button>
      <Text weight="semibold">Bicep</Text>
      <pre className={s.pre} aria-label="Bicep snippet">
        {bicep}
      </pre>
      <Button size="small" icon={<CopyRegular />} onClick={() => copy(bicep)} style={{ alignSelf: 'start' }}>
        Copy Bicep
      </Button>
    </section>
  );
}
