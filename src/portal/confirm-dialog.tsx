import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** A destructive or irreversible action: the confirm button is not the default. */
  danger?: boolean;
  confirmDisabled?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Used only for irreversible or breaking actions (the portal's rule for dialogs). */
export function ConfirmDialog(p: ConfirmDialogProps) {
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
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
