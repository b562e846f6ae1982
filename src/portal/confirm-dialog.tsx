import { lazy, Suspense, useEffect } from 'react';
import type { ConfirmDialogProps } from './confirm-dialog-props';

const ConfirmDialogSurface = lazy(() => import('./confirm-dialog-surface'));

// The element focused last outside any dialog. A confirmation is opened by a button (often one that is mounted
// with the dialog, or lazily), so this is where focus returns when it closes.
let lastFocusedOutside: HTMLElement | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener(
    'focusin',
    (e) => {
      const t = e.target;
      // Tabster's focus-trap sentinels (data-tabster-dummy) are not places to return to.
      if (
        t instanceof HTMLElement &&
        !t.hasAttribute('data-tabster-dummy') &&
        !t.closest('[role="dialog"], [role="alertdialog"]')
      )
        lastFocusedOutside = t;
    },
    true,
  );
}

/** Used only for irreversible or breaking actions (the portal's rule for dialogs). */
export function ConfirmDialog(p: ConfirmDialogProps) {
  useEffect(() => {
    if (!p.open) return;
    const back = lastFocusedOutside;
    return () => {
      // Fluent keeps the dialog mounted while it animates out; once it is gone, focus goes back to the button that
      // opened it (otherwise it falls to <body>, or tabster's restorer sends it to the last pane opener elsewhere).
      let frames = 0;
      const settle = () => {
        if (!back?.isConnected || frames++ > 60) return;
        if (document.querySelector('[role="alertdialog"]')) requestAnimationFrame(settle);
        // A dialog opened meanwhile keeps the focus: taking it would leave that dialog hidden by its own focus trap.
        else if (document.activeElement !== back && !document.activeElement?.closest('[role="dialog"]'))
          back.focus();
      };
      requestAnimationFrame(settle);
    };
  }, [p.open]);
  if (!p.open) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmDialogSurface {...p} />
    </Suspense>
  );
}
