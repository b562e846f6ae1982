import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { KeyMultipleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { themes, useThemeName } from '../portal/theme/theme';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: {
    maxWidth: '520px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow16,
  },
  title: {
    margin: 0,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    fontSize: tokens.fontSizeBase600,
  },
});

function Frame({ children }: { children: React.ReactNode }) {
  const styles = useStyles();
  const theme = useThemeName();
  return (
    <FluentProvider theme={themes[theme]}>
      <main className={styles.page}>
        <div className={styles.card}>
          <h1 className={styles.title}>
            <KeyMultipleRegular /> Keyguard for Azure Bot Service
          </h1>
          {children}
        </div>
      </main>
    </FluentProvider>
  );
}

export function SignInPage({ signIn }: { signIn: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <Frame>
      <Text>Sign in with your work account to manage customer-managed keys of your Azure Bots.</Text>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          signIn().catch((e: unknown) => {
            setBusy(false);
            setError(e instanceof Error ? e.message : 'Sign-in could not start.');
          });
        }}
      >
        {busy ? 'Redirecting to sign-in…' : 'Sign in'}
      </Button>
    </Frame>
  );
}

export function StartErrorPage({ title, message }: { title: string; message: string }) {
  return (
    <Frame>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
    </Frame>
  );
}
