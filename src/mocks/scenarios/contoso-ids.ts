/** Fixed identities shared by the scenarios, so deep links keep working across resets. */
export const contoso = {
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  domain: 'contoso.onmicrosoft.com',
  user: {
    objectId: '4c5d8e1a-2b3f-4a6c-9d7e-1f2a3b4c5d6e',
    name: 'Avery Admin',
    upn: 'avery@contoso.onmicrosoft.com',
  },
  botsSub: '8f2c1a3e-5b7d-4e9f-a1c3-2d4e6f8a0b1c',
  keysSub: '1b3d5f7a-9c2e-4b6d-8f0a-3c5e7a9b1d2f',
  /** The admin is only Reader here: changes are refused with AuthorizationFailed. */
  financeSub: '9d1f3b5d-7a9c-4e1a-b3c5-4f6a8b0c2d4e',
  botRg: 'rg-bots-prod',
  keysRg: 'rg-security-keys',
  financeRg: 'rg-finance',
  botName: 'contoso-support-bot',
  vaultName: 'kv-contoso-cmk',
  /** Log Analytics workspaces (their query ids are fixed, not drawn, so other ids stay as they were). */
  securityWorkspace: {
    name: 'log-contoso-security',
    customerId: 'b7d0c5a1-3e9f-4c2a-8d61-0f4a2c9e7b35',
  },
  botsWorkspace: { name: 'log-contoso-bots', customerId: '5e2a9c47-81d3-4f06-b2e8-c4a7d9013f62' },
  fabrikam: {
    tenantId: 'c3e5a7b9-1d2f-4a6c-8e0b-5d7f9a1c3e5b',
    domain: 'fabrikam.onmicrosoft.com',
    sub: '6e8a0c2e-4f6b-4d8f-a0c2-7e9b1d3f5a7c',
  },
};
