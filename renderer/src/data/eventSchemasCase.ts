// Payload schemas of the domain's events (domain/events.ts): what dispatch appends for cases and
// counselling. The payload is the domain event itself (its `type` included). The keys of
// CASE_EVENT_SCHEMAS are checked against the domain's union at compile time, so a new domain
// event cannot be written before it is registered here. User events of the domain (userCreated …)
// are not listed: dispatch refuses user commands (data/users.ts is their door).
import { z } from 'zod';
import type { DomainEventType } from '../domain/events';
import { BAD_RATING_REASONS } from '../domain/rating';

export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date YYYY-MM-DD');
export const actorSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });
const text = z.string();
const strings = z.record(z.string(), z.string());

const missingItem = z.object({
  materialId: z.string().optional(),
  name: z.string(),
  standard: z.string().optional(),
});

const applicant = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('enterprise'),
    name: z.string(),
    creditCode: z.string(),
    legalRepresentative: z.string().optional(),
  }),
  z.object({ kind: z.literal('person'), name: z.string(), idNumber: z.string() }),
]);

const intake = z.object({
  matterCode: z.string(),
  applicant,
  contact: z.object({ name: z.string(), phone: z.string() }),
  agent: z
    .object({ name: z.string(), idNumber: z.string(), phone: z.string().optional() })
    .optional(),
  projectName: z.string(),
  projectCode: z.string().optional(),
  channel: z.enum(['window', 'mail', 'online']),
  greenChannel: z.boolean(),
  answers: strings,
  materials: z.array(
    z.object({
      materialId: z.string(),
      received: z.boolean(),
      form: z.enum(['original', 'copy']),
      copies: z.number(),
      pages: z.number(),
      conforming: z.boolean(),
    }),
  ),
  fields: strings,
  receivedOn: localDate.optional(),
  delivery: z.enum(['pickup', 'post']),
  counsellingId: z.string().optional(),
  creditCodeOverride: z
    .object({
      supervisorId: z.string(),
      supervisorName: z.string(),
      supervisorRole: z.string(),
      reason: z.string(),
    })
    .optional(),
});

const matter = z.object({
  catalogueVersion: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  stage: z.string(),
  legalDays: z.number(),
  promisedDays: z.number(),
  greenChannel: z.boolean(),
  certificateType: z.string().nullable(),
});

/** The case version the event was decided on (absent in events written before it was recorded). */
export const basedOn = z.number().int().min(0).optional();
const caseBase = { caseId: z.string().min(1), on: localDate, basedOn };
const intakeBase = {
  ...caseBase,
  caseNo: z.string().min(1),
  intake,
  matter,
  receivedOn: localDate,
};
const step = z.enum(['review', 'verify', 'approval']);
const level = z.number().int().min(1).max(5);
const certificateValues = strings.optional();

const caseEvent = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...caseBase, ...shape });

type Registered = Exclude<DomainEventType, 'userCreated' | 'userRoleChanged' | 'userDisabled'>;

export const CASE_EVENT_SCHEMAS = {
  counsellingSaved: z.object({
    type: z.literal('counsellingSaved'),
    counsellingId: z.string().min(1),
    catalogueVersion: z.string(),
    matterCodes: z.array(z.string()),
    answers: strings,
    applicantName: z.string().optional(),
    contactPhone: z.string().optional(),
    notes: z.string().optional(),
    on: localDate,
  }),
  caseAccepted: z.object({
    type: z.literal('caseAccepted'),
    ...intakeBase,
    greenChannel: z.boolean(),
    deficiencies: z
      .object({ items: z.array(missingItem), dueOn: localDate, commitment: z.string() })
      .nullable(),
  }),
  supplementRequested: z.object({
    type: z.literal('supplementRequested'),
    ...intakeBase,
    missing: z.array(missingItem),
  }),
  caseRefused: z.object({
    type: z.literal('caseRefused'),
    ...intakeBase,
    ground: z.enum(['noLicenceNeeded', 'outsideRemit', 'falseMaterials', 'other']),
    detail: text,
    rightAgency: z.string().optional(),
  }),
  supplementReceived: caseEvent('supplementReceived', {
    items: z.array(z.string()),
    completes: z.enum(['supplement', 'deficiencies']),
  }),
  caseReviewed: caseEvent('caseReviewed', { opinion: text, by: actorSchema }),
  caseVerified: caseEvent('caseVerified', { opinion: text, by: actorSchema }),
  caseApproved: caseEvent('caseApproved', { opinion: text, by: actorSchema }),
  caseReturned: caseEvent('caseReturned', { from: step, to: step, reason: text, by: actorSchema }),
  caseSuspended: caseEvent('caseSuspended', {
    kind: z.enum(['hearing', 'inspection', 'testing', 'expertReview', 'other']),
    reason: text,
    expectedDays: z.number().int().optional(),
    by: actorSchema,
  }),
  caseResumed: caseEvent('caseResumed', { note: z.string().optional(), by: actorSchema }),
  caseExtended: caseEvent('caseExtended', {
    reason: text,
    days: z.number().int(),
    by: actorSchema,
  }),
  caseDenied: caseEvent('caseDenied', {
    reason: text,
    legalBasis: z.string().optional(),
    by: actorSchema,
  }),
  caseWithdrawn: caseEvent('caseWithdrawn', { reason: text }),
  certificateIssued: caseEvent('certificateIssued', {
    certificateType: z.string(),
    number: z.string().min(1),
    external: z.boolean(),
    seq: z.number().int().nullable(),
    values: certificateValues,
  }),
  caseDelivered: caseEvent('caseDelivered', {
    delivery: z.looseObject({ method: z.enum(['pickup', 'post']) }),
  }),
  certificateVoided: caseEvent('certificateVoided', {
    number: z.string().min(1),
    reason: text,
    by: actorSchema,
  }),
  certificateReissued: caseEvent('certificateReissued', {
    number: z.string().min(1),
    external: z.boolean(),
    seq: z.number().int().nullable(),
    replaces: z.string(),
    values: certificateValues,
  }),
  ratingRecorded: caseEvent('ratingRecorded', {
    ratingId: z.string().min(1),
    // 'counter' and 'online' in events from before the rating device; 'device' since (issue 18).
    channel: z.enum(['counter', 'online', 'device']),
    overall: level,
    items: z.object({ efficiency: level, serviceLevel: level, attitude: level }).optional(),
    comment: z.string().optional(),
    bad: z.boolean(),
    place: z
      .strictObject({
        window: z.string().min(1),
        clerkId: z.string().min(1),
        clerkName: z.string().min(1),
        ticketId: z.string().min(1).optional(),
        // Across the hall: the rating device's station code as the hall recorded the tap.
        deviceStation: z.string().min(1).max(20).optional(),
      })
      .optional(),
    reasons: z.array(z.enum(BAD_RATING_REASONS)).optional(),
  }),
  'case.rating_appealed': caseEvent('case.rating_appealed', {
    ratingId: z.string().min(1),
    reason: z.string().min(1),
    by: actorSchema,
  }),
  'case.rating_appeal_decided': caseEvent('case.rating_appeal_decided', {
    ratingId: z.string().min(1),
    outcome: z.enum(['upheld', 'rejected']),
    reason: z.string().min(1),
    by: actorSchema,
  }),
  ticketServed: caseEvent('ticketServed', {
    ticketId: z.string().min(1),
    number: z.string().regex(/^[A-Z]\d{3}$/),
    business: z.string().min(1),
    green: z.boolean(),
    window: z.string().min(1),
    clerkId: z.string().min(1),
    issuedAt: z.string(),
    firstCalledAt: z.string(),
    servingFrom: z.string(),
    finishedAt: z.string(),
    calls: z.number().int().min(1),
    waitingSeconds: z.number().int().min(0),
    servingSeconds: z.number().int().min(0),
  }),
  'case.renumbered': caseEvent('case.renumbered', {
    from: z.string().min(1),
    to: z.string().min(1),
    reason: z.literal('station_recoded'),
  }),
} satisfies Record<Registered, z.ZodType>;
