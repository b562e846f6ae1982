import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { BeakerRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { useDemoControl } from './demo-context';

const DemoPanel = lazy(() => import('./demo-panel'));

// Wide enough for the message and its button on one line. A media query, not MessageBar's automatic reflow: that one
// measures the bar with a ResizeObserver as the page first renders, which cost the start-up a layout.
const oneLine = '(min-width: 1180px)';
const onWidthChange = (notify: () => void) => {
  const query = window.matchMedia(oneLine);
  query.addEventListener('change', notify);
  return () => query.removeEventListener('change', notify);
};
const fitsOnOneLine = () => window.matchMedia(oneLine).matches;
const never = () => () => undefined;

/** Demo mode can never be mistaken for live: this banner sits above everything, in every blade. */
export default function DemoBanner() {
  const control = useDemoControl();
  const [open, setOpen] = useState(false);
  const restoreFocusHere = useRestoreFocusTarget();
  const singleLine = useSyncExternalStore(onWidthChange, fitsOnOneLine);
  // The twin starts in its worker beside the first render: its scenario (and any notice) arrive with its state.
  const scenario = useSyncExternalStore(control?.onChange ?? never, () => control?.scenario);
  const notice = useSyncExternalStore(control?.onChange ?? never, () => control?.notice);
  return (
    <>
      <MessageBar
        intent="warning"
        shape="square"
        layout={singleLine ? 'singleline' : 'multiline'}
        aria-label="Demo mode"
      >
        <MessageBarBody>
          <MessageBarTitle>Demo mode: simulated data</MessageBarTitle>
          Every subscription, bot and key vault here is simulated in this browser tab. Nothing is sent to
          Azure.
          {scenario && control?.scenarios.length ? ` Scenario: ${scenario}.` : ''}
          {notice ? ` ${notice}` : ''}
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
