export type {
  AppSpec,
  PeriodicSpec,
  RateLimitSpec,
  RetryPolicySpec,
  ScheduleSpec,
  TaskSpec,
  ValidateFunction,
  ValidationIssue,
} from "./types.ts";
