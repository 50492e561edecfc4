import type { SeededRandom } from './seeded-random';

/**
 * Uneven zones for generated fleets (GenerateFleetOptions.zoneWeights): how many zones a region has, what they are
 * called, and which zone each instance lands in. Kept apart from the generator so that the generator's default
 * path, which existing seeds pin byte for byte, stays untouched.
 */

/** Throws RangeError unless every weight is a finite number >= 0 and at least one is positive. */
export function checkZoneWeights(weights: readonly number[]): void {
  if (weights.some((weight) => !Number.isFinite(weight) || weight < 0)) {
    throw new RangeError('zoneWeights must be finite numbers >= 0');
  }
  if (!weights.some((weight) => weight > 0)) throw new RangeError('zoneWeights need at least one positive weight');
}

/** `a`, `b`, ... `z`, `aa`, `ab` ...: spreadsheet-style, so any number of zones gets a distinct suffix. */
function letters(index: number): string {
  let rest = index + 1;
  let text = '';
  while (rest > 0) {
    rest -= 1;
    text = String.fromCharCode(97 + (rest % 26)) + text;
    rest = Math.floor(rest / 26);
  }
  return text;
}

/**
 * Exactly `count` zone IDs: the catalogue's zones of the region first, then `<region>-a`, `<region>-b` ... for the
 * rest, skipping any name the catalogue already used (cn-beijing's fourth zone is cn-beijing-d, not a second
 * cn-beijing-a).
 */
export function zoneIdsFor(regionId: string, catalogueZoneIds: readonly string[], count: number): string[] {
  const zoneIds = catalogueZoneIds.slice(0, count);
  const used = new Set(zoneIds);
  for (let index = 0; zoneIds.length < count; index += 1) {
    const zoneId = `${regionId}-${letters(index)}`;
    if (!used.has(zoneId)) {
      used.add(zoneId);
      zoneIds.push(zoneId);
    }
  }
  return zoneIds;
}

/**
 * Draws a zone by weight with one random number per instance. Unlike SeededRandom.weighted, whose rounding
 * fallback is the last item whatever its weight, a zone of weight 0 can never be drawn: such a zone must stay
 * empty, as tests of empty zones rely on.
 */
export function createZonePicker(random: SeededRandom, zoneIds: readonly string[], weights: readonly number[]): () => string {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const positive = zoneIds.filter((_zoneId, index) => (weights[index] ?? 0) > 0);
  const lastPositive = positive[positive.length - 1] ?? '';
  return () => {
    let point = random.next() * total;
    for (let index = 0; index < zoneIds.length; index += 1) {
      const weight = weights[index] ?? 0;
      if (weight <= 0) continue;
      point -= weight;
      if (point < 0) return zoneIds[index] ?? lastPositive;
    }
    return lastPositive;
  };
}
