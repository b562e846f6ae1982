import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  DismissCircleFilled,
  InfoFilled,
  QuestionCircleRegular,
  WarningFilled,
} from '@fluentui/react-icons';

export type StatusKind = 'success' | 'error' | 'warning' | 'info' | 'unknown' | 'inProgress';

const useStyles = makeStyles({
  success: { color: tokens.colorStatusSuccessForeground1 },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  unknown: { color: tokens.colorNeutralForeground3 },
});

/** A status as an icon with a text name (never colour alone), shared by notifications and checks. */
export function StatusIcon({ kind, label }: { kind: StatusKind; label: string }) {
  const s = useStyles();
  const props = { 'aria-label': label, role: 'img' as const };
  switch (kind) {
    case 'inProgress':
      return <Spinner size="tiny" aria-label={label} />;
    case 'success':
      return <CheckmarkCircleFilled className={s.success} {...props} />;
    case 'error':
      return <DismissCircleFilled className={s.error} {...props} />;
    case 'warning':
      return <WarningFilled className={s.warning} {...props} />;
    case 'info':
      return <InfoFilled className={s.info} {...props} />;
    case 'unknown':
      return <QuestionCircleRegular className={s.unknown} {...props} />;
  }
}
