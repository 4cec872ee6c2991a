// The schema this build writes, read from the code that decides it (src/domain/schema.rs),
// so a stored envelope's expected number moves with the code, never with a test's copy.
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../src/domain/schema.rs', import.meta.url), 'utf8');
export const CURRENT_SCHEMA = Number(/pub const CURRENT_SCHEMA: u32 = (\d+);/.exec(source)[1]);
