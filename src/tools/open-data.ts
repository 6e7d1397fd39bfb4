/**
 * The open data of a compass (JSON and CSV) lives in the engine, src/domain/bank/open-data.ts, so
 * the build, the service that publishes a newsroom's compass and a researcher all write the same
 * bytes; the build's tools import it from here as before.
 */
export * from '../domain/bank/open-data.ts';
