import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '820px' },
});

/** The portal's two intro paragraphs, in our own words. */
export function EncryptionIntro() {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="About encryption">
      <Text as="p">
        Azure Bot Service encrypts your bot’s data at rest. By default it uses keys that Microsoft manages for
        you, with nothing to configure.
      </Text>
      <Text as="p">
        You can add your own key from Azure Key Vault (customer-managed keys, also called bring your own key).
        You then control that key: you can rotate it, disable it, revoke access to it, and audit its use; if
        the key is lost or access is revoked, the bot stops working.{' '}
        <Link
          href="https://learn.microsoft.com/azure/bot-service/bot-service-encryption"
          target="_blank"
          rel="noreferrer"
        >
          Learn more about Azure Bot Service encryption
        </Link>
      </Text>
    </section>
  );
}

/** "What data is encrypted", in our own words, from the seed doc. */
export function AboutEncryption() {
  return (
    <section aria-labelledby="what-encrypted">
      <Text as="h2" id="what-encrypted" weight="semibold" size={400} block>
        What data is encrypted
      </Text>
      <Text as="p" block>
        Azure Bot Service keeps data about your bot: its settings, the channels it uses, and where needed a
        record of conversations in progress. This longer-lived data is always encrypted twice: with
        Microsoft-managed keys, or with your key plus a Microsoft-managed key when customer-managed keys are
        on.
      </Text>
      <Text as="p" block>
        Messages and attachments passing through Direct Line or Web Chat are stored only briefly (less than 24
        hours) and are always encrypted with Microsoft-managed keys. When a message leaves Azure Bot Service
        for another service, it is decrypted there and sent over TLS 1.2.
      </Text>
    </section>
  );
}
