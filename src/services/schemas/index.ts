// Every data format and payload, by name. Used by the build (JSON Schema + OpenAPI) and by the
// reference receiver (validation). Browser code imports the individual files, not this index.
import type { z } from 'zod/mini';
import { receiptResponse, errorResponse } from './common.js';
import { deputySchema, deputyDirectorySchema, deputyMessagePayload } from './deputy.js';
import { survey } from './survey.js';
import { surveyResults } from './survey-results.js';
import { surveyResponsePayload } from './survey-response.js';
import { station, stationsFile } from './station.js';
import { appointmentPayload } from './appointment.js';
import { draftSchema } from './legislation.js';
import { legislationFeedbackPayload } from './legislation-feedback.js';
import { adoptionInputSchema, adoptionReportSchema, ratingRequestSchema, receiptLookupSchema, staffStatusSchema } from './loop.js';

/** Data files a widget reads (GET routes, `src`, inline JSON, `data`). */
export const dataSchemas: Record<string, z.ZodMiniType> = {};

/** POST bodies, by envelope `type`, with their route under the endpoint. */
export const payloadSchemas: Record<string, { route: string; schema: z.ZodMiniType; receiptPrefix: string }> = {};

// <rd-deputy-card>
dataSchemas.deputy = deputySchema;
dataSchemas.deputies = deputyDirectorySchema;
payloadSchemas['deputy-message'] = { route: '/deputy-messages', schema: deputyMessagePayload, receiptPrefix: 'LY' };

// <rd-satisfaction-survey>
dataSchemas.survey = survey;
dataSchemas['survey-results'] = surveyResults;
payloadSchemas['survey-response'] = { route: '/survey-responses', schema: surveyResponsePayload, receiptPrefix: 'CP' };

// <rd-station-map> (the appointment payload is shared with <rd-deputy-card>)
dataSchemas.stations = stationsFile;
dataSchemas.station = station;
payloadSchemas['appointment'] = { route: '/appointments', schema: appointmentPayload, receiptPrefix: 'YY' };

// <rd-legislation-feedback>
dataSchemas.draft = draftSchema;
payloadSchemas['legislation-feedback'] = { route: '/legislation-feedback', schema: legislationFeedbackPayload, receiptPrefix: 'FK' };

export const responseSchemas = { receipt: receiptResponse, errors: errorResponse };

// Closing the loop: lookup, rating, staff updates, adoption reports (docs/contract.md#looking-up-a-submission).
export const loopSchemas = {
  'receipt-lookup': receiptLookupSchema,
  'rating.request': ratingRequestSchema,
  'staff-status.request': staffStatusSchema,
  'adoption.request': adoptionInputSchema,
  adoption: adoptionReportSchema,
};
export * from './loop.js';

export * from './common.js';
