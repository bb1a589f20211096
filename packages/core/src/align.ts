import type { AlignOptions, AlignmentReport } from './types.js';

export function align(source: string, commentary: string, options: AlignOptions = {}): AlignmentReport {
  void source; void commentary; void options;
  throw new Error('align: being written');
}
