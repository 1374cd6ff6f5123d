package org.threadline.app.web.governance;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.threadline.app.governance.ResponseDeadline;

/**
 * How long a subject access request may take, under {@code threadline.subject-access.*} (environment:
 * {@code THREADLINE_SUBJECT_ACCESS_RESPONSE_PERIOD=P1M}). The one place the period is set: UK GDPR Art. 12(3) gives
 * one month from receipt; a controller that promises less, or a regime that allows another period, changes it here.
 *
 * @param responsePeriod the time to respond, an ISO-8601 period (default {@code P1M})
 * @param nextWorkingDay whether a due date on a weekend moves to the Monday (the ICO's reading; default yes)
 */
@ConfigurationProperties("threadline.subject-access")
public record SubjectAccessSettings(
        @DefaultValue("P1M") Period responsePeriod,
        @DefaultValue("true") boolean nextWorkingDay) {

    public ResponseDeadline deadline() {
        return new ResponseDeadline(responsePeriod, nextWorkingDay);
    }
}
