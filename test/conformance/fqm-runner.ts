/**
 * Runs fqm-execution (the reference CQL engine) on many patients per call and returns each
 * patient's population results. fqm-execution reads a value without an offset in the machine's
 * zone: callers set `process.env.TZ = 'UTC'` (the engine's declared offset) before the first
 * import of this module's fqm-execution, which is loaded lazily for that reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PopulationCode } from '../../src/engine/types.ts';
import { measureDir } from './conformance-cases.ts';

const QICORE = 'http://hl7.org/fhir/us/qicore/StructureDefinition/';
const US_CORE_BP = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-blood-pressure';
const PROFILES: Record<string, string[]> = {
  Patient: [`${QICORE}qicore-patient`],
  Encounter: [`${QICORE}qicore-encounter`],
  Condition: [`${QICORE}qicore-condition-encounter-diagnosis`, `${QICORE}qicore-condition-problems-health-concerns`],
  Procedure: [`${QICORE}qicore-procedure`],
  ServiceRequest: [`${QICORE}qicore-servicerequest`],
  DeviceRequest: [`${QICORE}qicore-devicerequest`],
  MedicationRequest: [`${QICORE}qicore-medicationrequest`],
  Medication: [`${QICORE}qicore-medication`],
  Coverage: [`${QICORE}qicore-coverage`],
  Observation: [
    `${QICORE}qicore-observation-lab`,
    `${QICORE}qicore-observation-clinical-result`,
    `${QICORE}qicore-observation-screening-assessment`,
    `${QICORE}qicore-simple-observation`,
  ],
};

/**
 * The resource as a QI-Core export would send it for `trustMetaProfile: true`: tagged with every
 * QI-Core profile its type can answer (the US Core BP profile only for LOINC 85354-9 panels), so
 * fqm-execution's retrieves select what our engine's do (no profile filtering).
 */
export function tagged(r: fhir4.Resource): fhir4.Resource {
  const profiles = [...(PROFILES[r.resourceType] ?? [])];
  const o = r as fhir4.Observation;
  if (
    r.resourceType === 'Observation' &&
    o.code?.coding?.some((c) => c.system === 'http://loinc.org' && c.code === '85354-9')
  ) {
    profiles.push(US_CORE_BP);
  }
  return { ...r, meta: { ...r.meta, profile: profiles } };
}

/** fqm-execution's verdict for one patient: 0/1 per population, or the error it raised. */
export type FqmVerdict = { populations: Partial<Record<PopulationCode, 0 | 1>> } | { error: string };

type FqmOut = {
  results: {
    patientId?: string;
    detailedResults?: { populationResults?: { populationType: string; result: boolean }[] }[];
  }[];
};

/** Runs fqm-execution with its console chatter ("Failed to locate element …") silenced. */
export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = () => {};
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
  }
}

/** The measure bundle of a measure folder under ../shared/conformance. */
export function measureBundle(folder: string): fhir4.Bundle {
  const dir = join(measureDir(folder), 'bundle');
  const file = readdirSync(dir).find((f) => f.endsWith('.json'))!;
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as fhir4.Bundle;
}

/**
 * Runs every patient through fqm-execution in as few calls as possible: one call for the lot; a
 * call that throws is split in two until the patient that makes fqm-execution throw stands alone.
 */
export async function fqmVerdicts(
  bundle: fhir4.Bundle,
  patients: readonly { id: string; resources: readonly fhir4.Resource[] }[],
  period: { start: string; end: string },
  trustMetaProfile: boolean,
): Promise<Map<string, FqmVerdict>> {
  const { Calculator } = await import('fqm-execution');
  const out = new Map<string, FqmVerdict>();
  const run = async (batch: readonly { id: string; resources: readonly fhir4.Resource[] }[]): Promise<void> => {
    if (!batch.length) {
      return;
    }
    const bundles = batch.map((p) => ({
      resourceType: 'Bundle',
      type: 'collection',
      entry: p.resources.map((r) => ({ resource: trustMetaProfile ? tagged(r) : r })),
    }));
    try {
      const res = (await quietly(() =>
        Calculator.calculate(bundle, bundles as fhir4.Bundle[], {
          measurementPeriodStart: period.start,
          measurementPeriodEnd: period.end,
          trustMetaProfile,
          calculateHTML: false,
          calculateClauseCoverage: false,
          calculateCoverageDetails: false,
          calculateSDEs: false,
          verboseCalculationResults: false,
        }),
      )) as unknown as FqmOut;
      batch.forEach((p, i) => {
        const populations: Partial<Record<PopulationCode, 0 | 1>> = {};
        for (const x of res.results[i]?.detailedResults?.[0]?.populationResults ?? []) {
          populations[x.populationType as PopulationCode] = x.result ? 1 : 0;
        }
        out.set(p.id, { populations });
      });
    } catch (e) {
      if (batch.length === 1) {
        out.set(batch[0]!.id, { error: e instanceof Error ? e.message.split('\n')[0]! : String(e) });
        return;
      }
      const mid = batch.length >> 1;
      await run(batch.slice(0, mid));
      await run(batch.slice(mid));
    }
  };
  await run(patients);
  return out;
}
