import { Button, Spinner } from '@fluentui/react-components';
import { CodeRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Bot } from '../../arm/types/bot';
import { botBicep, botCli, botDeployment, type CmekSetting } from '../../domain/as-code/bot-as-code';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { botQuery } from '../../queries/resources';
import { AsCodeView } from '../shared/as-code-view';
import type { EncryptionTarget } from './encryption-form';

function cmekSettingOf(target: EncryptionTarget): CmekSetting {
  return target.type === 'customer' ? { cmek: true, key: target.key } : { cmek: false };
}

function codeOf(bot: Bot, setting: CmekSetting) {
  return { cli: botCli(bot, setting), bicep: botBicep(botDeployment(bot, setting)) };
}

/**
 * "What Save would do" as code, before saving: the bot is read fresh from ARM when asked, since the Bicep carries every
 * writable property it has now (a Bicep resource replaces the bot it declares).
 */
export function SaveAsCode({ target }: { target: EncryptionTarget }) {
  const blade = useBlade();
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ bot?: Bot; error?: unknown; loading?: boolean }>({});
  const show = () => {
    setState({ loading: true });
    queryClient.fetchQuery({ ...botQuery(blade.resourceId), staleTime: 0 }).then(
      (bot) => setState({ bot }),
      (error: unknown) => setState({ error }),
    );
  };
  return (
    <>
      <Button icon={<CodeRegular />} onClick={show} disabled={state.loading} style={{ alignSelf: 'start' }}>
        {state.bot ? 'Read the bot again and refresh the code' : 'Show this change as code'}
      </Button>
      {state.loading && <Spinner size="tiny" label="Reading the bot’s current settings…" />}
      {state.error ? <ArmErrorBar error={state.error} title="The bot could not be read" /> : null}
      {state.bot && (
        <AsCodeView title="What Save would do, as code" code={codeOf(state.bot, cmekSettingOf(target))} />
      )}
    </>
  );
}

/** The change just saved, from the bot as Azure answered the save. */
export function SavedAsCode({ bot, target }: { bot: Bot; target: EncryptionTarget }) {
  return <AsCodeView title="This change as code" code={codeOf(bot, cmekSettingOf(target))} />;
}
