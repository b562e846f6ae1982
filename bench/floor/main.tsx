// The floor: the least a React + Fluent + MSW page can do to show one bot fetched through MSW. The console's cold deep
// link is measured against it.
import { FluentProvider, Text, webLightTheme } from '@fluentui/react-components';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const botUrl =
  'https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.BotService/botServices/floor-bot';

function App() {
  const [name, setName] = useState<string>();
  useEffect(() => {
    void fetch(`${botUrl}?api-version=2022-09-15`)
      .then((r) => r.json())
      .then((b: { name: string }) => setName(b.name));
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      <Text>{name ? `Bot: ${name}` : 'Loading…'}</Text>
    </FluentProvider>
  );
}

const worker = setupWorker(
  http.get(botUrl, () => HttpResponse.json({ name: 'floor-bot', properties: { isCmekEnabled: true } })),
);
await worker.start({
  onUnhandledRequest: 'bypass',
  quiet: true,
  serviceWorker: { url: './mockServiceWorker.js' },
});
createRoot(document.getElementById('root') as HTMLElement).render(<App />);
