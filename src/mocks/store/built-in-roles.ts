/** Built-in role definition ids (the same GUIDs in every subscription). */
export const builtInRoles = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'Key Vault Crypto Service Encryption User': 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  'Key Vault Administrator': '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  'Key Vault Crypto Officer': '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
  'Key Vault Crypto User': '12338af0-0e69-4776-bea7-57ae8d297424',
  'Key Vault Reader': '21090545-7ca7-4776-b22c-e363652d74d2',
} as const;

export type BuiltInRoleName = keyof typeof builtInRoles;
