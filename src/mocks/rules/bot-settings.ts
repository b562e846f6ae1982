import type { TwinBotSettings } from '../store/model';

/** What a bot has when a property was never given (BotProperties defaults, 2022-09-15). */
export const defaultBotSettings: TwinBotSettings = {
  iconUrl: 'https://docs.botframework.com/static/devportal/client/images/bot-framework-default.png',
  publicNetworkAccess: 'Enabled',
  disableLocalAuth: false,
  isStreamingSupported: false,
  developerAppInsightKey: null,
  developerAppInsightsApplicationId: null,
  developerAppInsightsApiKeySet: false,
  luisAppIds: [],
  luisKeySet: false,
  schemaTransformationVersion: null,
  storageResourceId: null,
  manifestUrl: null,
  openWithHint: null,
  appPasswordHint: null,
  allSettings: null,
  parameters: null,
};
