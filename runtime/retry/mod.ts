export { errorMatches, errorNames } from "./error-names.ts";
export { CELERY_DEFAULT_POLICY, autoretryCountdownMs, canRetry, shouldAutoretry } from "./policy.ts";
export { RetryRequest } from "./retry-request.ts";
