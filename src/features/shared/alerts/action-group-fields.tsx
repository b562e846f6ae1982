import { Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionGroupResource } from '../../../arm/types/alerts';
import { emailProblem, shortNameProblem } from '../../../domain/alerts/action-group-input';
import type { ActionGroupChoice } from '../../../domain/alerts/plan';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const newGroup = 'new';
const newLabel = 'A new action group that e-mails one address';
const namePattern = /^[A-Za-z0-9][A-Za-z0-9-]{0,59}$/;

/** Who is told: an existing, enabled action group (offered first), or a new one with a name, short name and e-mail. */
export function useActionGroupChoice(actionGroups: ActionGroupResource[], defaultEmail: string) {
  const enabled = actionGroups.filter((g) => g.properties.enabled);
  const [groupId, setGroupId] = useState(enabled[0]?.id ?? newGroup);
  const [name, setName] = useState('keyguard-bot-keys');
  const [shortName, setShortName] = useState('BotKeys');
  const [email, setEmail] = useState(/@/.test(defaultEmail) ? defaultEmail : '');
  const chosen = actionGroups.find((g) => g.id === groupId);
  const errors = chosen
    ? {}
    : {
        name: !namePattern.test(name)
          ? 'Use 1 to 60 letters, digits and hyphens.'
          : actionGroups.some((g) => g.name.toLowerCase() === name.toLowerCase())
            ? 'An action group of this name exists: choose it above, or give the new one another name.'
            : undefined,
        shortName: shortNameProblem(shortName),
        email: emailProblem(email),
      };
  const choice: ActionGroupChoice = chosen
    ? { kind: 'existing', id: chosen.id, name: chosen.name }
    : { kind: 'new', name, shortName, email };
  return {
    enabled,
    groupId,
    setGroupId,
    chosen,
    fields: { name, setName, shortName, setShortName, email, setEmail },
    errors,
    invalid: Object.values(errors).some(Boolean),
    choice,
  };
}

export type ActionGroupChoiceState = ReturnType<typeof useActionGroupChoice>;

export function ActionGroupFields({
  state,
  showErrors,
}: {
  state: ActionGroupChoiceState;
  showErrors: boolean;
}) {
  const s = useStyles();
  const f = state.fields;
  const e: Partial<Record<'name' | 'shortName' | 'email', string>> = state.errors;
  return (
    <>
      <Field label="Who is told (action group)">
        <Dropdown
          value={state.chosen ? state.chosen.name : newLabel}
          selectedOptions={[state.groupId]}
          onOptionSelect={(_, d) => d.optionValue && state.setGroupId(d.optionValue)}
        >
          {state.enabled.map((g) => (
            <Option key={g.id} value={g.id} text={g.name}>
              {`${g.name} (${g.properties.groupShortName})`}
            </Option>
          ))}
          <Option value={newGroup}>{newLabel}</Option>
        </Dropdown>
      </Field>
      {!state.chosen && (
        <div className={s.row}>
          <Field label="Action group name" required validationMessage={showErrors ? e.name : undefined}>
            <Input value={f.name} onChange={(_, d) => f.setName(d.value)} />
          </Field>
          <Field
            label="Short name"
            required
            hint="At most 12 characters: SMS and e-mail subjects show it."
            validationMessage={showErrors ? e.shortName : undefined}
          >
            <Input value={f.shortName} onChange={(_, d) => f.setShortName(d.value)} />
          </Field>
          <Field label="E-mail address" required validationMessage={showErrors ? e.email : undefined}>
            <Input type="email" value={f.email} onChange={(_, d) => f.setEmail(d.value)} />
          </Field>
        </div>
      )}
    </>
  );
}
