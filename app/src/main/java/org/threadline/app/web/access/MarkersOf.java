package org.threadline.app.web.access;

import java.util.Set;
import org.threadline.store.governance.SubjectMarkerStore;

/**
 * The markers on a person now (ADR 0035), which every read's subject carries so that the agreements' forbid rules
 * can act on them. Asked once per request ({@link SubjectsSeen}), never kept longer: a marker just set must narrow
 * the next request, and one that cannot be read fails the read rather than counting as none.
 */
@FunctionalInterface
public interface MarkersOf {
    Set<String> of(String personId);

    /** The stored markers ({@code subject_marker}, V30). */
    static MarkersOf stored(SubjectMarkerStore store) {
        return store::current;
    }
}
