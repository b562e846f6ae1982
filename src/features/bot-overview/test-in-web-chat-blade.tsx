import { Text } from '@fluentui/react-components';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { MessageTest, useMessageTest } from './message-test';

/** Bot → Test in Web Chat: a message sent over Direct Line, the path Web Chat uses, and the bot's answer. */
export default function TestInWebChatBlade() {
  const blade = useBlade();
  const test = useMessageTest(blade.resourceId);
  return (
    <BladeFrame>
      <Text>
        Send the bot a message over Direct Line, as Web Chat does. A bot whose customer-managed key is out of
        reach cannot answer: Azure Bot Service can no longer read its data.
      </Text>
      <MessageTest test={test} botId={blade.resourceId} tenant={blade.tenant} />
    </BladeFrame>
  );
}
