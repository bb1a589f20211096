export { createApp, type AppOptions } from './app.js';
export { DEFAULT_BODY_LIMIT } from './http/body-limit.js';
export { ProblemError, type Problem } from './problem.js';
