import { listParam } from './signed-client';

/**
 * The request-level errors DetachKeyPair and AttachKeyPair share (the spec: the same request, the same errors), each
 * as the parameters that provoke it and the status and code the gateway answers, for a request naming `instanceId`
 * and the existing key pair `keyPairName`.
 */
export function keyPairRequestErrorCases(instanceId: string, keyPairName: string): Array<[Record<string, string>, number, string]> {
  const one = listParam('InstanceIds', [instanceId]);
  return [
    [{ KeyPairName: keyPairName }, 400, 'MissingParameter.InstanceIds'],
    [one, 400, 'MissingParameter.KeyPairNameAndKeyPairId'],
    [{ ...listParam('InstanceIds', Array.from({ length: 101 }, (_, i) => `i-${i}`)), KeyPairName: keyPairName }, 400, 'LimitExceeded.MaximumInstanceIds'],
    [{ ...one, KeyPairName: keyPairName, ClientToken: 'x'.repeat(65) }, 400, 'InvalidClientToken.Malformed'],
    [{ ...one, KeyPairName: keyPairName, ClientToken: 'tōken' }, 400, 'InvalidClientToken.Malformed'],
    [{ ...one, KeyPairName: 'no-such-key' }, 404, 'InvalidKeyPair.NotFound'],
    // KeyPairId wins, so a valid name does not rescue an unknown ID.
    [{ ...one, KeyPairName: keyPairName, KeyPairId: 'kp-unknown' }, 404, 'InvalidKeyPair.NotFound'],
  ];
}
