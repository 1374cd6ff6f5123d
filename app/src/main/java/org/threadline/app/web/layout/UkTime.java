package org.threadline.app.web.layout;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment as pages say it: "14:05 on 2 March 2026", in UK time (where the service runs), never an ISO timestamp.
 * Templates call it through the model ({@code ${ukTime.of(x)}}).
 */
public final class UkTime {
    public static final UkTime INSTANCE = new UkTime();

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private UkTime() {
    }

    public String of(Instant at) {
        return FORMAT.format(at);
    }
}
