import { config } from 'zod';

// zod compiles fast parsers with `new Function` unless told not to. The CSP forbids eval, so its feature probe
// would be blocked and reported as a violation on every start: turn the compiler off before any schema runs.
config({ jitless: true });
