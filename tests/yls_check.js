// Ask the YAML language server itself (the editors' engine) about one YAML file, as JSON:
// the diagnostics it shows, and the hover text at an optional line:column.
// Usage: node yls_check.js FILE [LINE:COLUMN]; NODE_PATH names the node_modules to use.
const fs = require('fs');
const path = require('path');
const { URI } = require('vscode-uri');
const { getLanguageService } = require('yaml-language-server');
const { TextDocument } = require('vscode-languageserver-textdocument');

const file = path.resolve(process.argv[2]);
const service = getLanguageService({
  schemaRequestService: async (uri) => fs.readFileSync(URI.parse(uri).fsPath, 'utf8'),
  workspaceContext: {
    resolveRelativePath: (relative, resource) =>
      URI.file(path.resolve(path.dirname(URI.parse(resource).fsPath), relative)).toString(),
  },
});
service.configure({ validate: true, hover: true, completion: true, yamlVersion: '1.2' });
const doc = TextDocument.create(URI.file(file).toString(), 'yaml', 1, fs.readFileSync(file, 'utf8'));

(async () => {
  const diagnostics = (await service.doValidation(doc, false)).map(
    (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`,
  );
  let hover = null;
  if (process.argv[3]) {
    const [line, column] = process.argv[3].split(':').map(Number);
    const found = await service.doHover(doc, { line: line - 1, character: column - 1 });
    hover = found ? found.contents.value : null;
  }
  console.log(JSON.stringify({ diagnostics, hover }));
})();
