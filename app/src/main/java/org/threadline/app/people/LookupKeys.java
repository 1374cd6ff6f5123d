package org.threadline.app.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threadline.domain.chronology.EventSource;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.linkage.blocking.Blocker;
import org.threadline.linkage.engine.IncrementalResolver;
import org.threadline.linkage.model.LinkageModel;

/**
 * The integers a person record is indexed by in the store ({@code person_record.lookup_keys}), so that `people
 * attach` fetches a new record's candidates, and the records an event row attaches to, instead of reading everyone:
 * <ul>
 *   <li>its key under each blocking rule of the build's model (the very keys batch blocking compares, mixed with the
 *       rule's position so two rules' keys cannot meet), and</li>
 *   <li>for a feed whose rows other feeds' events attach to by a field (a pupil's census record, found by UPN from a
 *       term's attendance), the key of that field's value, and</li>
 *   <li>the keys "find a person" looks records up by ({@link SearchKeys}).</li>
 * </ul>
 * Keys are 32-bit hashes: a collision only fetches a record more, which is then scored, or compared by value, like
 * any other. They are stable across runs and machines (they hash with {@link String#hashCode}, fixed by the JLS).
 */
final class LookupKeys {
    /**
     * The version of the way keys are made, kept with each build ({@code link_run.lookup_scheme}) and checked by
     * attach and search. Raise it with any change to the keys a record gets here or in {@link SearchKeys} (which
     * starts, which transforms, how values are hashed): a store built before answers from the old keys otherwise.
     */
    static final int VERSION = 2; // 2: no name keys for a row before birth (its name is a placeholder)

    private final LinkageModel model;
    private final Map<String, List<String>> attachFields;
    private final SearchKeys searchKeys;

    LookupKeys(LinkageModel model, EventVocabulary vocabulary, SearchKeys searchKeys) {
        this.model = model;
        this.attachFields = attachFields(vocabulary);
        this.searchKeys = searchKeys;
    }

    /**
     * The scheme a build's keys are made under: this code's version and the familiar-forms table the search keys
     * were made with (the blocking keys follow the trained model, which is kept with the build).
     */
    static String scheme(SearchKeys searchKeys) {
        return "lookup-keys/" + VERSION + " familiar-forms/" + searchKeys.fingerprint();
    }

    /** Definition → the fields of its records that other feeds' event rows attach by. */
    static Map<String, List<String>> attachFields(EventVocabulary vocabulary) {
        Map<String, List<String>> out = new HashMap<>();
        for (EventSource s : vocabulary.sources().values()) {
            if (s.attach() instanceof EventSource.Attach.ToRecordsOf to) {
                out.computeIfAbsent(to.definition(), k -> new ArrayList<>()).add(to.field());
            }
        }
        return out;
    }

    /** Every key of a record whose model cells are {@code cells} and whose stored identity is {@code identity}. */
    int[] of(PersonPart part, String[] cells, Map<String, String> identity) {
        int[] blocking = blocking(cells);
        int[] search = searchKeys.of(identity);
        List<String> fields = part.prefix().isEmpty()
                ? attachFields.getOrDefault(part.row().definitionId(), List.of()) : List.of();
        int[] out = java.util.Arrays.copyOf(blocking, blocking.length + search.length + fields.size());
        System.arraycopy(search, 0, out, blocking.length, search.length);
        int n = blocking.length + search.length;
        for (String field : fields) {
            String value = part.field(field);
            if (!value.isEmpty()) {
                out[n++] = attach(part.row().definitionId(), field, value);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The record's blocking keys (rules under which it has no key are left out). */
    int[] blocking(String[] cells) {
        int[] keys = IncrementalResolver.blockingKeys(model, cells);
        int[] out = new int[keys.length];
        int n = 0;
        for (int r = 0; r < keys.length; r++) {
            if (keys[r] != Blocker.NO_KEY) {
                out[n++] = mix((r + 1L) * 0x9E3779B97F4A7C15L ^ keys[r]);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The key of the records of {@code definition} whose {@code field} holds {@code value}. */
    static int attach(String definition, String field, String value) {
        return mix(((long) (definition + '|' + field).hashCode() << 32) ^ (value.hashCode() & 0xFFFFFFFFL));
    }

    static int mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) (z ^ (z >>> 32));
    }
}
