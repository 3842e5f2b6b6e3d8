// A TypeScript client nobody here wrote (openapi-generator's typescript-fetch, generated at build
// time into target/generated-ts) decides every sample request against a live service and prints
// one JSON line per sample: the file, the outcome, the rules of the findings, the question paths.
// Usage: node decide-samples.js BASE_URL SAMPLES_DIR
// Node's own modules, declared here rather than with @types/node: the script needs three calls.
declare const require: (name: string) => any;
declare const process: { argv: string[]; exit(code: number): never };
const fs = require('fs');
const path = require('path');
import { Configuration, DefaultApi, RequestFromJSON } from '../../../target/generated-ts';

async function main(): Promise<void> {
  const [base, dir] = process.argv.slice(2);
  const api = new DefaultApi(new Configuration({ basePath: base }));
  for (const file of fs.readdirSync(dir).filter((f: string) => f.endsWith('.json')).sort()) {
    const request = RequestFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    const d = await api.postDecide({ request, at: new Date('2026-11-25T10:00:00Z') });
    console.log(JSON.stringify({
      file,
      outcome: d.outcome,
      rules: (d.findings || []).map((f) => f.rule),
      questions: (d.questions || []).map((q) => q.path),
    }));
  }
}

main().catch((e) => {
  console.error(String(e));
  process.exit(1);
});
