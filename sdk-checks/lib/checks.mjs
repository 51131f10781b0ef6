// What the SDK checks share: a runner that prints one line per check and counts what failed, and
// the bearer tokens the local stack writes. Node.js built-ins only, so it needs no npm install.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Runs checks one at a time; prints "ok" or "FAIL" with describe(error). A check whose
// prerequisite failed is skipped and counts as failed. summary() is the closing line.
export function checkRunner(describe) {
  let passed = new Set();
  let failures = 0;
  let warnings = 0;
  return {
    async check(name, needs, fn) {
      let missing = needs.filter(n => !passed.has(n));
      if (missing.length) {
        failures++;
        console.log(`SKIP ${name} (needs: ${missing.join(', ')})`);
        return;
      }
      try {
        let detail = await fn();
        passed.add(name);
        console.log(`ok   ${name}${detail ? ` (${detail})` : ''}`);
      } catch (e) {
        failures++;
        console.log(`FAIL ${name}: ${describe(e)}`);
      }
    },
    warn(name, detail) {
      warnings++;
      console.log(`WARN ${name}: ${detail}`);
    },
    get failures() {
      return failures;
    },
    summary() {
      return `${passed.size} passed, ${failures} failed${warnings ? `, ${warnings} warnings` : ''}`;
    }
  };
}

// The named tokens, each from the environment or else from the tokens file the local stack
// writes: $TOKENS_FILE, else $LOCAL_DATA_DIR/tokens.env, else .local/tokens.env at the repository root.
export function readTokens(names) {
  let tokens = Object.fromEntries(names.map(n => [n, process.env[n]?.trim()]));
  let wanted = names.filter(n => !tokens[n]);
  if (!wanted.length) return tokens;
  let file = process.env.TOKENS_FILE
    || (process.env.LOCAL_DATA_DIR ? path.join(process.env.LOCAL_DATA_DIR, 'tokens.env') : path.join(repositoryRoot, '.local/tokens.env'));
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${wanted.join(' and ')} not in the environment and ${file} cannot be read (start deploy/local/run.sh first)`);
  }
  for (let line of text.split('\n')) {
    let m = line.match(/^\s*(?:export\s+)?([A-Z_]+)\s*=\s*(.*?)\s*$/);
    if (m && wanted.includes(m[1])) tokens[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
  }
  let absent = wanted.filter(n => !tokens[n]);
  if (absent.length) throw new Error(`${file} has no ${absent.join(' or ')} line`);
  return tokens;
}

// One JSON request with a bearer token: its status and its body (parsed when it is JSON).
export async function jsonRequest(method, url, token, body, headers = {}) {
  let res;
  try {
    res = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers
      },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (e) {
    throw new Error(`${method} ${url}: cannot connect (${e.cause?.code ?? e.message})`);
  }
  let text = await res.text();
  let data;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  return { status: res.status, ok: res.ok, body: data };
}
