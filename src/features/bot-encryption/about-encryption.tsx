import { Text } from '@fluentui/react-components';

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
