/**
 * The editor commands a finding's fix can ask for (`Fix.command`: the fix needs the user, the
 * selection or a question before it can become an edit), named in one place. The core sets them,
 * the server's code actions match on them (lsp/codeActions.ts), and the client implements them
 * under the same names (`CLIENT_COMMANDS` in lsp/protocol.ts takes its values from here).
 */
export const FIX_COMMANDS = {
  /** Arguments: the name and the guessed entity type. Asks the rest and adds the entity to the registry. */
  addToRegistry: 'attache.addToRegistry',
  /** Arguments: start, end, entity id. Writes a `link` annotation for an ambiguous mention. */
  linkMention: 'attache.linkMention',
  /** No arguments. Asks for a publication date and inserts front matter with it. */
  insertFrontMatter: 'attache.insertFrontMatter',
  /** Arguments: annotation id. Re-attaches an orphaned annotation to the selection. */
  reattachAnnotation: 'attache.reattachAnnotation',
} as const;
