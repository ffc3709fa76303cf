// 预约接访 — booking a reception with a station or a deputy. Shared by <rd-station-map> and
// <rd-deputy-card>. POST {endpoint}/appointments, receipts "YY-2026-000123".
import { z } from 'zod/mini';
import { envelope, isoDate, isoDateTime } from './common.js';

const idString = z.string().check(z.minLength(1), z.maxLength(100));

/** A published session the citizen picked (from the schedule calculator). */
export const sessionSlot = z.object({
  kind: z.literal('session'),
  start: isoDateTime,
  end: isoDateTime,
  ruleId: z.optional(z.string().check(z.maxLength(100))),
});

/** A time the citizen asks for when no published session suits. */
export const requestedSlot = z.object({
  kind: z.literal('requested'),
  date: isoDate,
  period: z.enum(['morning', 'afternoon', 'any']),
});

export const appointmentSlot = z.discriminatedUnion('kind', [sessionSlot, requestedSlot]);
export type AppointmentSlot = z.infer<typeof appointmentSlot>;

/** Mainland mobile/landline or an international number (+, digits, spaces, hyphens). */
export const phoneNumber = z.string().check(
  z.trim(),
  z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\+[1-9][\d -]{6,18}\d)$/, 'errors.phone'),
);

export const appointmentContact = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(50)),
  phone: phoneNumber,
  email: z.optional(z.string().check(z.trim(), z.maxLength(200), z.regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'errors.email'))),
});

export const APPOINTMENT_CHANNELS = ['web', 'kiosk', 'qr'] as const;

export const appointmentData = z
  .object({
    stationId: z.optional(idString),
    deputyId: z.optional(idString),
    slot: appointmentSlot,
    /** What the citizen wants to raise (反映事项). */
    topic: z.string().check(z.trim(), z.minLength(2, 'appointment.topicRequired'), z.maxLength(500)),
    /** Further detail (optional). */
    details: z.optional(z.string().check(z.maxLength(5000))),
    /** How many people will come (1–50). */
    people: z.number().check(z.int(), z.minimum(1), z.maximum(50)),
    contact: appointmentContact,
    /** PIPL consent to process the personal information given. */
    consent: z.literal(true, 'errors.consent'),
    channel: z.optional(z.enum(APPOINTMENT_CHANNELS)),
  })
  .check(
    z.refine((d) => !!d.stationId || !!d.deputyId, { message: 'stationId or deputyId is required', path: ['stationId'] }),
  );
export type AppointmentData = z.infer<typeof appointmentData>;

export const appointmentPayload = envelope('appointment', appointmentData);
export type AppointmentPayload = z.infer<typeof appointmentPayload>;
