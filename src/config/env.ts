import { config } from 'dotenv';

/** Loads a local .env quietly (dotenv 17+ prints promotional lines otherwise, which would corrupt --json output). */
export function loadEnv(): void {
  config({ quiet: true });
}
