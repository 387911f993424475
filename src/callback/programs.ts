/**
 * Slugs of the program pages that exist; `program` must be one of them. The function
 * cannot read content collections at run time, so the list lives here, and a unit test
 * (tests/unit/callback/programs.test.ts) fails when it differs from src/content/programs/.
 */
export const PROGRAM_SLUGS: readonly string[] = ['intensive-outpatient', 'outpatient'];
