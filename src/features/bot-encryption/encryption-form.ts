import type { Bot, BotPatch } from '../../arm/types/bot';
import { cmekPatch, type EncryptionState } from '../../domain/bot-encryption';
import { sameKeyUrl, versionedKeyUrlOf, type KeyUrlResult, type VersionedKeyUrl } from '../../domain/key-url';

type EncryptionType = 'microsoft' | 'customer';

/** The blade's form: the radio and the Key URL text exactly as typed (or picked). */
export interface EncryptionForm {
  type: EncryptionType;
  keyUrl: string;
}

/** What Save would set: the form, with its Key URL parsed (undefined while the URL is not a valid one). */
export type EncryptionTarget = { type: 'microsoft' } | { type: 'customer'; key: VersionedKeyUrl };

export type ChangeKind = 'enable' | 'rotate' | 'disable' | 'none';

export function encryptionFormFromBot(bot: Bot): EncryptionForm {
  const p = bot.properties;
  if (!p.isCmekEnabled) return { type: 'microsoft', keyUrl: '' };
  // The normal form when it parses (no :443); Azure's text as it is otherwise, for the field to say what is wrong.
  return { type: 'customer', keyUrl: versionedKeyUrlOf(p.cmekKeyVaultUrl)?.href ?? p.cmekKeyVaultUrl ?? '' };
}

export function targetOf(
  form: EncryptionForm,
  parsed: KeyUrlResult<VersionedKeyUrl> | undefined,
): EncryptionTarget | undefined {
  if (form.type === 'microsoft') return { type: 'microsoft' };
  return parsed?.ok ? { type: 'customer', key: parsed.url } : undefined;
}

export function changeKind(base: EncryptionState, target: EncryptionTarget): ChangeKind {
  if (!base.cmek && target.type === 'customer') return 'enable';
  if (base.cmek && target.type === 'microsoft') return 'disable';
  if (target.type === 'customer' && !sameKeyUrl(base.key, target.key)) return 'rotate';
  return 'none';
}

/** Bots_Update body: the required properties from the current bot, plus the CMK change. */
export function encryptionPatch(bot: Bot, target: EncryptionTarget): BotPatch {
  return cmekPatch(bot, target.type === 'customer' ? target.key : undefined);
}

/** Plain sentences of exactly what Save will change. */
export function describeChange(base: EncryptionState, target: EncryptionTarget): string[] {
  switch (changeKind(base, target)) {
    case 'enable':
      return [
        'Encryption type: Microsoft-Managed Keys → Customer-Managed Keys',
        `Key URL: ${target.type === 'customer' ? target.key.href : ''}`,
      ];
    case 'rotate':
      return [
        `Key URL: ${base.key?.href ?? '(none)'} → ${target.type === 'customer' ? target.key.href : ''}`,
        'The previous key must stay available for at least a week while data is re-encrypted.',
      ];
    case 'disable':
      return [
        'Encryption type: Customer-Managed Keys → Microsoft-Managed Keys',
        `The key ${base.key?.href ?? ''} will no longer protect this bot once decryption finishes.`,
      ];
    case 'none':
      return [];
  }
}

/** What another admin changed, in the words of the blade. */
export function encryptionChanges(from: EncryptionForm, to: EncryptionForm): string[] {
  const type = (t: EncryptionType) => (t === 'customer' ? 'Customer-Managed Keys' : 'Microsoft-Managed Keys');
  const out: string[] = [];
  if (from.type !== to.type) out.push(`encryption type: ${type(from.type)} → ${type(to.type)}`);
  if (to.type === 'customer' && from.keyUrl.toLowerCase() !== to.keyUrl.toLowerCase())
    out.push(`key URL is now ${to.keyUrl}`);
  return out;
}
