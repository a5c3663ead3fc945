import { z } from 'zod';
import { commonEnv, parseEnv, port, storeEnv } from '../schemas/env.ts';

/** The dashboard service's environment (and the port `npm start` serves everything on). */
export const DashboardEnv = z.object({
  ...storeEnv,
  ...commonEnv,
  PORT: port(8080),
  /** `off` (the default for now): no login. Dashboard login arrives with the department-heads dashboard. */
  AUTH: z.enum(['off', 'on'], { error: 'must be off or on' }).default('off'),
  /** Demo data when the store is empty: `auto` for the embedded store only, `1` for any store, `0` never. */
  DEMO: z.enum(['auto', '0', '1'], { error: 'must be auto, 0 or 1' }).default('auto'),
});
export type DashboardEnv = z.infer<typeof DashboardEnv>;

export const readDashboardEnv = (env?: Record<string, string | undefined>) => parseEnv(DashboardEnv, env);
