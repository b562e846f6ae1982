import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { sendTestMessage, type MessageTestResult } from '../../arm/direct-line';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '640px',
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  reply: {
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export type MessageTestRun = UseMutationResult<MessageTestResult, Error, string>;

export function useMessageTest(botId: string): MessageTestRun {
  return useMutation({ mutationFn: (message: string) => sendTestMessage(botId, message) });
}

/** A one-message test over Direct Line, the path Web Chat uses: it shows the bot answering, or failing when its key is out of reach. */
export function MessageTest({
  test,
  botId,
  tenant,
}: {
  test: MessageTestRun;
  botId: string;
  tenant?: string;
}) {
  const styles = useStyles();
  const [text, setText] = useState('Hello');
  return (
    <section className={styles.card} aria-labelledby="message-test">
      <Text as="h2" id="message-test" weight="semibold" size={400}>
        Test the bot
      </Text>
      <div className={styles.row}>
        <Field label="Message" style={{ flex: 1 }}>
          <Input
            value={text}
            onChange={(_, d) => setText(d.value)}
            onKeyDown={(e) => e.key === 'Enter' && text.trim() && test.mutate(text.trim())}
          />
        </Field>
        <Button
          icon={<SendRegular />}
          disabled={!text.trim() || test.isPending}
          onClick={() => test.mutate(text.trim())}
        >
          {test.isPending ? 'Sending…' : 'Send'}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {test.data &&
          (test.data.replies.length ? (
            test.data.replies.map((r, i) => (
              <Text key={i} block className={styles.reply}>
                {r}
              </Text>
            ))
          ) : (
            <Text>The bot did not answer within a few seconds.</Text>
          ))}
      </div>
      {test.error ? (
        <>
          <ArmErrorBar error={test.error} title="The bot did not answer" />
          <RouterLink href={resourceHash(botId, 'encryption', tenant)}>
            Check the bot’s encryption key
          </RouterLink>
        </>
      ) : null}
    </section>
  );
}
