import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { BladeFrame } from './blade-frame';
import { useBlade } from './blade-context';

/** A menu entry Keyguard does not implement: said plainly, with no invented content. */
export function NotBuiltBlade() {
  const blade = useBlade();
  return (
    <BladeFrame>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>{blade.bladeLabel} is not available in Keyguard</MessageBarTitle>
          Keyguard covers customer-managed keys for Azure Bot Service and their Key Vault prerequisites. Use
          the Azure portal for {blade.bladeLabel}.
        </MessageBarBody>
      </MessageBar>
    </BladeFrame>
  );
}
