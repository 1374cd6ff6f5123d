package org.threadline.app.web.access;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.threadline.domain.governance.need.AssessedLevel;

/**
 * What one request has already looked up about each person it decides on: their markers and their level of need.
 * A page decides on the same person for every record and event it shows, and each lookup is a database read; they
 * are kept for the request only, so a marker set now still narrows the very next request (ADR 0035).
 */
public final class SubjectsSeen {
    private final Map<String, Set<String>> markers = new ConcurrentHashMap<>();
    private final Map<String, AssessedLevel> levels = new ConcurrentHashMap<>();

    Set<String> markers(String personId, Function<String, Set<String>> lookup) {
        return markers.computeIfAbsent(personId, lookup);
    }

    AssessedLevel level(String personId, Function<String, AssessedLevel> lookup) {
        return levels.computeIfAbsent(personId, lookup);
    }
}
