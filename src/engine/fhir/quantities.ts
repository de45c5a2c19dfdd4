/**
 * Readers for Observation values. Real EHR data carry scores in several shapes (the US Core PHQ-9
 * example uses `valueString` "12"), so a numeric reader accepts valueQuantity, valueInteger,
 * valueString holding a number, and valueCodeableConcept whose code is a plain number; anything
 * else is `undefined`, never an exception.
 */

const VALUE_KEYS = [
  'valueQuantity',
  'valueCodeableConcept',
  'valueString',
  'valueBoolean',
  'valueInteger',
  'valueRange',
  'valueRatio',
  'valueSampledData',
  'valueTime',
  'valueDateTime',
  'valuePeriod',
] as const;

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** CQL `Observation.value is not null`: whether any value[x] is present. */
export function hasValue(obs: fhir4.Observation | undefined): boolean {
  if (!obs) {
    return false;
  }
  const rec = obs as unknown as Record<string, unknown>;
  return VALUE_KEYS.some((k) => rec[k] !== undefined && rec[k] !== null);
}

/** The numeric value of a Quantity, or `undefined` when absent or not a finite number. */
export function quantityValue(q: fhir4.Quantity | undefined): number | undefined {
  const v = q && typeof q === 'object' ? q.value : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The numeric value of an Observation in whichever shape it was written, else `undefined`. */
export function numericValue(obs: fhir4.Observation | undefined): number | undefined {
  if (!obs) {
    return undefined;
  }
  const q = quantityValue(obs.valueQuantity);
  if (q !== undefined) {
    return q;
  }
  if (typeof obs.valueInteger === 'number' && Number.isFinite(obs.valueInteger)) {
    return obs.valueInteger;
  }
  if (typeof obs.valueString === 'string' && NUMBER.test(obs.valueString.trim())) {
    return Number(obs.valueString.trim());
  }
  const code = obs.valueCodeableConcept?.coding?.find((c) => typeof c?.code === 'string' && NUMBER.test(c.code.trim()));
  return code ? Number(code.code!.trim()) : undefined;
}

/** A short display of an Observation's value (for evidence), or `undefined`. */
export function valueDisplay(obs: fhir4.Observation | undefined): string | undefined {
  if (!obs) {
    return undefined;
  }
  const cc = obs.valueCodeableConcept;
  if (cc) {
    return cc.text ?? cc.coding?.find((c) => c?.display)?.display ?? cc.coding?.[0]?.code;
  }
  const q = quantityValue(obs.valueQuantity);
  if (q !== undefined) {
    return `${q}${obs.valueQuantity?.unit ? ` ${obs.valueQuantity.unit}` : ''}`;
  }
  if (typeof obs.valueInteger === 'number') {
    return String(obs.valueInteger);
  }
  if (typeof obs.valueString === 'string') {
    return obs.valueString;
  }
  if (typeof obs.valueBoolean === 'boolean') {
    return String(obs.valueBoolean);
  }
  return undefined;
}
