/**
 * Registers MSW's service worker as soon as start-up knows it runs the demo, before MSW's own code has downloaded, so
 * the worker installs meanwhile. Resolves once the worker controls the page, or once it is clear it will not: MSW
 * reloads a page that has its registration but no controller, so its start must not run in between.
 */
export async function registerMockWorker(url: string, timeoutMs = 5000): Promise<void> {
  const sw = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  if (!sw || sw.controller) return;
  const controlled = new Promise<void>((resolve) => {
    sw.addEventListener('controllerchange', () => resolve(), { once: true });
    setTimeout(resolve, timeoutMs);
  });
  const registration = await sw.register(url);
  if (sw.controller) return;
  // Already active yet not controlling (a hard reload): no claim is coming; MSW handles that case itself.
  if (registration.active && !registration.installing && !registration.waiting) return;
  await controlled;
}
