/**
 * Alerts raised when a re-evaluated indicator crosses a trigger declared in its rulebook, routed to an agency and
 * role, with a due time; and their lifecycle: raised, acknowledged, decision recorded (action taken, or no action
 * with its reason), closed. Every step names who took it, for which agency, and when (from an injected clock);
 * a step out of order is refused with the reason, never half-applied. What an alert may show its recipient is the
 * governance policy's decision, not this package's.
 */
package org.threadline.domain.indicators.alerts;
