import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { ConfirmDialogProps } from './confirm-dialog-props';

/** The dialog itself, loaded the first time a confirmation opens. */
export default function ConfirmDialogSurface(p: ConfirmDialogProps) {
  return (
    <Dialog open={p.open} modalType="alert" onOpenChange={(_, d) => !d.open && p.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{p.title}</DialogTitle>
          <DialogContent>{p.children}</DialogContent>
          <DialogActions>
            <Button
              appearance={p.danger ? 'secondary' : 'primary'}
              disabled={p.confirmDisabled}
              onClick={p.onConfirm}
            >
              {p.confirmLabel}
            </Button>
            <Button appearance={p.danger ? 'primary' : 'secondary'} onClick={p.onCancel}>
              {p.cancelLabel ?? 'Cancel'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
