import { z } from 'zod';
import { regionIdSchema } from '../../shared/domain/ecs';

/*
 * The `Result` of each action as Volcengine sends it. Lenient by design (spec: "Unknown extra fields must be
 * ignored, not rejected"): z.object drops unknown keys, and a field of an unexpected type falls back to
 * "absent" instead of failing the page. Only what identifies a thing (an InstanceId, a RegionId) is required.
 */

const text = z.string().optional().catch(undefined);
const count = z
  .union([z.number(), z.string().regex(/^\d+(\.\d+)?$/).transform(Number)])
  .optional()
  .catch(undefined);
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().catch(undefined);

const wireTag = z.object({ Key: text, Value: text });

export const describeRegionsResultSchema = z.object({
  // Required and well-formed: a region ID ends up in every signature's credential scope.
  Regions: z.array(z.object({ RegionId: regionIdSchema })).nullish(),
  NextToken: text,
});

/** Only the zone's ID is read; its instance and volume types are ignored, whatever shape they come in. */
export const describeZonesResultSchema = z.object({
  Zones: z.array(z.object({ ZoneId: z.string().min(1).max(64) })).nullish(),
});

export const wireInstanceSchema = z.object({
  InstanceId: z.string().min(1),
  InstanceName: text,
  Description: text,
  Status: text,
  OsType: text,
  OsName: text,
  KeyPairName: text,
  KeyPairId: text,
  ZoneId: text,
  VpcId: text,
  NetworkInterfaces: list(z.object({ PrimaryIpAddress: text, Type: text })),
  EipAddress: z.object({ IpAddress: text }).nullish().catch(undefined),
  Tags: list(wireTag),
  InstanceTypeId: text,
  Cpus: count,
  MemorySize: count,
  ImageId: text,
  HostName: text,
  /** The Go SDK's instance model has both spellings (spec: DescribeZones); read when HostName is absent or empty. */
  Hostname: text,
  ProjectName: text,
  CreatedAt: z.unknown().optional(),
  ExpiredAt: z.unknown().optional(),
});
export type WireInstance = z.infer<typeof wireInstanceSchema>;

export const describeInstancesResultSchema = z.object({
  Instances: z.array(wireInstanceSchema).nullish(),
  NextToken: text,
  TotalCount: count,
});

export const wireKeyPairSchema = z.object({
  KeyPairId: z.string().min(1),
  KeyPairName: text,
  Description: text,
  FingerPrint: text,
  ProjectName: text,
  Tags: list(wireTag),
  CreatedAt: z.unknown().optional(),
  UpdatedAt: z.unknown().optional(),
});
export type WireKeyPair = z.infer<typeof wireKeyPairSchema>;

export const describeKeyPairsResultSchema = z.object({
  KeyPairs: z.array(wireKeyPairSchema).nullish(),
  NextToken: text,
});

/** DetachKeyPair, AttachKeyPair and RebootInstances share it: one entry per instance, Error null on success. */
export const operationResultSchema = z.object({
  OperationDetails: z
    .array(
      z.object({
        InstanceId: text,
        Error: z.object({ Code: text, Message: text }).nullish(),
      }),
    )
    .nullish(),
});
