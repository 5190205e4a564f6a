// Ask the YAML language server itself (the editors' engine) about YAML files, as JSON: for
// each file, the diagnostics it shows and the hover text at an optional line:column.
// Usage: node yls_check.js FILE[@LINE:COLUMN]...; prints a JSON list, one answer per file.
// NODE_PATH names the node_modules to use. One run for all files: node starts once.
const fs = require('fs');
const path = require('path');
const { URI } = require('vscode-uri');
const { getLanguageService } = require('yaml-language-server');
const { TextDocument } = require('vscode-languageserver-textdocument');

const service = getLanguageService({
  schemaRequestService: async (uri) => fs.readFileSync(URI.parse(uri).fsPath, 'utf8'),
  workspaceContext: {
    resolveRelativePath: (relative, resource) =>
      URI.file(path.resolve(path.dirname(URI.parse(resource).fsPath), relative)).toString(),
  },
});
service.configure({ validate: true, hover: true, completion: true, yamlVersion: '1.2' });

async function answer(query) {
  const [name, at] = query.split('@');
  const file = path.resolve(name);
  const doc = TextDocument.create(URI.file(file).toString(), 'yaml', 1, fs.readFileSync(file, 'utf8'));
  const diagnostics = (await service.doValidation(doc, false)).map(
    (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`,
  );
  let hover = null;
  if (at) {
    const [line, column] = at.split(':').map(Number);
    const found = await service.doHover(doc, { line: line - 1, character: column - 1 });
    hover = found ? found.contents.value : null;
  }
  return { diagnostics, hover };
}

(async () => {
  const answers = [];
  for (const query of process.argv.slice(2)) answers.push(await answer(query));
  console.log(JSON.stringify(answers));
})();
