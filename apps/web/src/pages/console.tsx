export { ConsolePage } from '../console/console-page.tsx';
