// Why a command was refused. Every code has a message in locales/*/domain.json under
// "refusal.<code>" (a test checks it); params are interpolated as {{name}}.

export const REFUSAL_CODES = [
  'forbidden_role',
  'case_not_found',
  'invalid_transition',
  'unknown_matter',
  'no_matters',
  'green_channel_not_allowed',
  'invalid_credit_code',
  'credit_code_check_failed',
  'override_not_supervisor',
  'invalid_id_number',
  'invalid_project_code',
  'invalid_phone',
  'applicant_name_required',
  'question_unanswered',
  'materials_incomplete',
  'not_deferrable',
  'deficiency_not_listed',
  'nothing_missing',
  'due_date_invalid',
  'supplement_due_invalid',
  'requirement_too_long',
  'commitment_required',
  'reason_required',
  'opinion_required',
  'agency_required',
  'supplement_notice_too_late',
  'unknown_item',
  'already_extended',
  'invalid_expected_days',
  'no_previous_step',
  'no_certificate_for_matter',
  'invalid_certificate_number',
  'invalid_certificate_values',
  'deficiencies_outstanding',
  'already_rated',
  'ticket_already_served',
  'invalid_ticket',
  'invalid_rating',
  'rating_not_from_device',
  'rating_not_found',
  'already_appealed',
  'not_appealed',
  'appeal_decided',
  'appeal_reason_required',
  'delivery_details_required',
  'proxy_reason_required',
  'invalid_date',
  'user_exists',
  'user_not_found',
  'user_disabled',
  'cannot_change_own_account',
  'invalid_user',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  params?: Record<string, string | number>;
}

/** Params each code fills in, so the message files can be checked against them. */
export const REFUSAL_PARAMS: Partial<Record<RefusalCode, readonly string[]>> = {
  forbidden_role: ['command', 'role'],
  invalid_transition: ['command', 'status'],
  unknown_matter: ['matterCode'],
  question_unanswered: ['question'],
  materials_incomplete: ['items'],
  not_deferrable: ['items'],
  deficiency_not_listed: ['items'],
  supplement_notice_too_late: ['dueOn'],
  unknown_item: ['item'],
  invalid_date: ['value'],
  requirement_too_long: ['max'],
  appeal_reason_required: ['min', 'max'],
};
