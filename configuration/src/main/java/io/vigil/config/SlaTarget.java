package io.vigil.config;

import java.time.Duration;

/**
 * Response-time targets for one priority: acknowledge within {@code acknowledgeWithin}, resolve
 * within {@code resolveWithin}; either may be absent.
 */
public record SlaTarget(String priority, Duration acknowledgeWithin, Duration resolveWithin) {}
