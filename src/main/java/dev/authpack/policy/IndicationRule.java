package dev.authpack.policy;

/**
 * What a policy says for one indication it covers: how long an approval lasts (absent: the
 * policy's {@code approval}), optionally a different length for reauthorizations, and criteria
 * sections that apply to this indication only (laid over the policy's {@code criteria}).
 */
record IndicationRule(ApprovalPeriod approval, ApprovalPeriod reauthorizationApproval, PolicyCriteria criteria) {
}
