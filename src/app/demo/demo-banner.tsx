import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { BeakerRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import { useDemoControl } from './demo-context';

const DemoPanel = lazy(() => import('./demo-panel'));

/** Demo mode can never be mistaken for live: this banner sits above everything, in every blade. */
export default function DemoBanner() {
  const control = useDemoControl();
  const [open, setOpen] = useState(false);
  const restoreFocusHere = useRestoreFocusTarget();
  return (
    <>
      <MessageBar intent="warning" shape="square" aria-label="Demo mode">
        <MessageBarBody>
          <MessageBarTitle>Demo mode: simulated data</MessageBarTitle>
          Every subscription, bot and key vault here is simulated in this browser tab. Nothing is sent to
          Azure.
          {control ? ` Scenario: ${control.scenario}.` : ''}
        </MessageBarBody>
        <MessageBarActions>
          <Button icon={<BeakerRegular />} onClick={() => setOpen(true)} {...restoreFocusHere}>
            Demo panel
          </Button>
        </MessageBarActions>
      </MessageBar>
      {open && control && (
        <Suspense fallback={null}>
          <DemoPanel control={control} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
