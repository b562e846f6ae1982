import './app/global.css';
import { launch } from './app/launch';

launch(document.getElementById('root') as HTMLElement);
