export { start, type RunningServer, type ServerOptions } from './server.js';
