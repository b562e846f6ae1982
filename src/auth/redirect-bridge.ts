import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// Where silent renewal in a hidden iframe ends: MSAL 5 hands the answer from this blank page to the app's frame.
void broadcastResponseToMainFrame();
