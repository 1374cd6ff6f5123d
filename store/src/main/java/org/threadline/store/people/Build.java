package org.threadline.store.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.StableIds;

/** Everything one people build writes, in one transaction. */
public record Build(Run run, List<PersonRow> persons, List<String> retired, List<RecordRow> records,
                    List<StableIds.Change> changes, String changeReason, List<ReviewRow> review,
                    List<ChronologyEvent> events, List<Relationship> relationships, List<ResidenceRow> residences) {

    public record Run(Instant startedAt, Instant finishedAt, String modelId, int modelVersion, String modelSha256,
                      String trainedModelJson, long pairsScored, int newPersons, int decisionsApplied,
                      Map<String, Long> phaseMillis) {
    }

    /** A person as this build sees them; {@code attention} is JSON (the reasons a cluster needs attention). */
    public record PersonRow(String personId, String state, String forename, String surname,
                            Optional<LocalDate> dateOfBirth, String sex, String attention) {
    }

    /**
     * A person record. {@code linkedBy}: why the record is in its person when the model's scoring did not put it
     * there (a named rule and its evidence, in words); empty when it did.
     */
    public record RecordRow(String recordKey, long fileId, long rowNumber, String part, String personId,
                            String agency, String definitionId, double linkConfidence, Map<String, String> identity,
                            Optional<String> linkedBy) {
        public RecordRow(String recordKey, long fileId, long rowNumber, String part, String personId, String agency,
                         String definitionId, double linkConfidence, Map<String, String> identity) {
            this(recordKey, fileId, rowNumber, part, personId, agency, definitionId, linkConfidence, identity,
                    Optional.empty());
        }
    }

    /**
     * A record as written, with its lookup keys: the integers incremental resolution finds it by (its blocking keys
     * and the keys of the fields other feeds' events attach by). Null keys: not indexed.
     */
    public record KeyedRecord(RecordRow row, int[] lookupKeys) {
    }

    public record ReviewRow(String kind, String recordA, String recordB, String personA, String personB,
                            double matchWeight, double probability, String explanationJson) {
    }

    public record ResidenceRow(String personId, String addressKey, String address, String postcode, LocalDate from,
                               LocalDate to, List<String> sources) {
    }
}
