import { z } from 'zod';
import { ecsErrorDataSchema, regionSchema } from './ecs';
import { profileSummarySchema } from './profile';

/**
 * The answer of "test connection": a signed DescribeRegions with the profile. A cloud failure is a result to show,
 * not an exception: it carries the explained error and, for a rejected timestamp, how far this machine's clock is
 * from the server's.
 */
export const connectionTestResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    regions: z.array(regionSchema).max(500),
    profile: profileSummarySchema,
  }),
  z.strictObject({
    ok: z.literal(false),
    error: ecsErrorDataSchema,
    /** This machine's clock minus the server's, in seconds, when the server said what time it was. */
    clockSkewSeconds: z.number().int().nullable(),
  }),
]);
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;
