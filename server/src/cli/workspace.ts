/**
 * Cross-article findings for the CLI (boilerplate, event dates that disagree between articles):
 * every loaded article goes into the core's workspace index, then each file asks for its own.
 */

import { Finding } from '../core/types';
import { WorkspaceIndex } from '../core/workspace';
import { Project } from './project';

export function workspaceFindings(project: Project): (file: string) => Finding[] {
  const index = new WorkspaceIndex(project.registry);
  for (const a of project.articles) index.update(a.file, a.analysis);
  return (file) => index.findingsFor(file, project.settings);
}
