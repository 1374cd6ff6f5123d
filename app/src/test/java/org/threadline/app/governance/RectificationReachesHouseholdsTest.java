package org.threadline.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.people.PeopleBuilder;
import org.threadline.app.people.PeopleQueries;
import org.threadline.app.people.TestPopulation;
import org.threadline.domain.people.Basis;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipType;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.linkage.model.ModelJson;
import org.threadline.store.governance.RowKey;

/**
 * A rectification reaches the relationships and residences derived from the corrected row at once (ADR 0032), on a
 * generated population ingested and built in real PostgreSQL: a family read right after the correction sees the
 * corrected household, without waiting for the next people build.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RectificationReachesHouseholdsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T22:00:00Z"), ZoneOffset.UTC);
    private static final List<String> TABLES = List.of("raw_row", "standardised_row", "person_record", "person",
            "chronology_event", "review_item", "relationship", "residence", "alert", "alert_rectification",
            "audit_entry");
    /** Feeds whose rows give an address line and date themselves (their own event): a residence of their own. */
    private static final String ADDRESSED_FEEDS = "('police-custody', 'justice-probation-cases',"
            + " 'justice-youth-justice', 'police-incident-persons', 'schools-pupils', 'social-care-children')";

    @TempDir
    static Path folder;
    static TestPopulation built;
    static Rectification rectification;
    static PeopleQueries queries;

    @BeforeAll
    static void buildAPopulation() throws Exception {
        built = TestPopulation.built(folder, 400, 3, CLOCK);
        rectification = new Rectification(built.database().dataSource(), InstalledAuditLog.store(built.home(),
                CLOCK), SourceDefinitions.loadAll(built.root().resolve("config/sources")), built.vocabulary(),
                ModelJson.read(built.root().resolve("config/models/people.json")), Optional.empty(), CLOCK);
        queries = new PeopleQueries(built.store(), built.vocabulary());
    }

    @AfterAll
    static void close() {
        if (built != null) {
            built.close();
        }
    }

    @Test
    @Order(1)
    void a_dry_run_says_which_relationships_would_change_and_changes_no_table() {
        CaseChild c = aChildOfOneHomelessnessCase();
        Map<String, String> before = snapshot();

        Rectification.Result r = rectification.rectify(request(c.row(), "housing-people", "role", "Other child"),
                true);

        assertThat(r.dryRun()).isTrue();
        assertThat(r.ties()).hasValueSatisfying(t -> assertThat(t.relationshipsAdded() + t.relationshipsChanged()
                + t.relationshipsRemoved()).isPositive());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void correcting_a_childs_relationship_to_the_applicant_changes_the_relationship_at_once() {
        CaseChild c = aChildOfOneHomelessnessCase();
        assertThat(assertedParent(c)).as("before: the case names %s a child of the applicant %s", c.child(),
                c.applicant()).isPresent();

        Rectification.Result r = rectification.rectify(request(c.row(), "housing-people", "role", "Other child"),
                false);

        assertThat(r.moves()).allSatisfy(m -> assertThat(m.outcome()).isEqualTo("STAYED"));
        assertThat(assertedParent(c)).as("the case no longer says parent and child").isEmpty();
        List<Relationship> family = queries.family(c.child()).relationships();
        assertThat(family).as("the family read right after the correction").anySatisfy(x -> {
            assertThat(x.type()).isEqualTo(RelationshipType.HOUSEHOLD_MEMBER_WITH);
            assertThat(x.involves(c.applicant()) && x.involves(c.child())).isTrue();
            assertThat(x.basis()).isEqualTo(Basis.ASSERTED);
            assertThat(x.rule()).contains("Other child");
        });
        assertThat(r.ties()).hasValueSatisfying(t -> assertThat(t.relationshipsAdded() + t.relationshipsChanged())
                .isPositive());
        String reasons = first("SELECT payload->>'reasonCodes' FROM audit_entry WHERE sequence = " + r.auditEntry());
        assertThat(reasons).contains("RELATIONSHIPS_REMOVED=", "RELATIONSHIPS_ADDED=", "RELATIONSHIPS_CHANGED=",
                "RESIDENCES_REMOVED=", "ALERTS_MARKED=").doesNotContain("Other child");
    }

    @Test
    @Order(3)
    void correcting_an_address_moves_the_persons_residence_at_once() {
        String[] c = null;
        Rectification.Result dry = null;
        for (String[] candidate : rows("SELECT r.record_key, r.file_id, r.row_number, r.person_id, r.definition_id,"
                + " s.address_key FROM person_record r JOIN residence s ON s.person_id = r.person_id AND"
                + " jsonb_array_length(s.sources) = 1 AND s.sources->>0 = r.definition_id || ' file ' || r.file_id"
                + " || ' row ' || r.row_number WHERE r.part = '' AND r.definition_id IN " + ADDRESSED_FEEDS
                + " AND s.address_key NOT LIKE 'UPRN %' ORDER BY r.record_key LIMIT 30")) {
            dry = rectification.rectify(request(key(candidate), candidate[4], "address_line", "99 Rectified Road"),
                    true);
            if (dry.moves().stream().allMatch(m -> m.outcome().equals("STAYED"))) {
                c = candidate;
                break;
            }
        }
        assertThat(c).as("a record whose residence rests on its row alone, that stays with its person").isNotNull();
        String person = c[3];
        String source = c[4] + " file " + c[1] + " row " + c[2];

        Rectification.Result r = rectification.rectify(request(key(c), c[4], "address_line", "99 Rectified Road"),
                false);

        assertThat(rows("SELECT 1 FROM residence WHERE person_id = '" + person + "' AND address_key = '"
                + c[5].replace("'", "''") + "'")).as("the old address, shown by the corrected row alone").isEmpty();
        List<String[]> now = rows("SELECT address_key, address, sources::text FROM residence WHERE person_id = '"
                + person + "' AND sources::text LIKE '%" + source + "\"%'");
        assertThat(now).singleElement().satisfies(x -> {
            assertThat(x[0]).containsIgnoringCase("99 RECTIFIED ROAD");
            assertThat(x[1]).containsIgnoringCase("99 Rectified Road");
        });
        assertThat(r.ties()).hasValueSatisfying(t -> {
            assertThat(t.residencesRemoved()).isPositive();
            assertThat(t.residencesAdded()).isPositive();
        });
    }

    @Test
    @Order(4)
    void a_relationship_other_rows_also_support_survives_the_correction_of_one_of_them() {
        // A household inferred from co-residence, shown by the corrected row and by another row of the same person
        // at that address: moving the corrected row elsewhere takes its support away, not the relationship.
        String[] c = null;
        for (String[] candidate : rows("SELECT r.record_key, r.file_id, r.row_number, r.person_id, r.definition_id,"
                + " x.from_person, x.to_person, x.type FROM person_record r JOIN relationship x ON (x.from_person ="
                + " r.person_id OR x.to_person = r.person_id) AND x.basis = 'INFERRED' AND x.type ="
                + " 'HOUSEHOLD_MEMBER_WITH' AND x.evidence @> jsonb_build_array(jsonb_build_object('fileId',"
                + " r.file_id, 'rowNumber', r.row_number)) AND EXISTS (SELECT 1 FROM person_record o,"
                + " jsonb_array_elements(x.evidence) e WHERE o.person_id = r.person_id AND o.record_key <>"
                + " r.record_key AND (e->>'fileId')::bigint = o.file_id AND (e->>'rowNumber')::bigint ="
                + " o.row_number AND (o.file_id, o.row_number) <> (r.file_id, r.row_number)) WHERE r.part = ''"
                + " AND r.definition_id IN " + ADDRESSED_FEEDS + " AND r.identity->>'address_line' <> ''"
                + " ORDER BY r.record_key LIMIT 30")) {
            Rectification.Result dry = rectification.rectify(request(key(candidate), candidate[4], "address_line",
                    "7 Elsewhere Close"), true);
            if (dry.moves().stream().allMatch(m -> m.outcome().equals("STAYED"))) {
                c = candidate;
                break;
            }
        }
        assertThat(c).as("a co-residence another row of the same person also shows").isNotNull();
        String[] tie = c;

        Rectification.Result r = rectification.rectify(request(key(c), c[4], "address_line", "7 Elsewhere Close"),
                false);

        List<String[]> after = rows("SELECT evidence @> jsonb_build_array(jsonb_build_object('fileId', " + tie[1]
                + ", 'rowNumber', " + tie[2] + ")) FROM relationship WHERE from_person = '" + tie[5]
                + "' AND to_person = '" + tie[6] + "' AND type = '" + tie[7] + "'");
        assertThat(after).as("the relationship survives").hasSize(1);
        assertThat(after.get(0)[0]).as("without the corrected row among its evidence").isEqualTo("f");
        assertThat(r.ties()).hasValueSatisfying(t -> assertThat(t.relationshipsChanged()).isPositive());
    }

    @Test
    @Order(5)
    void correcting_the_mother_a_health_visitor_named_gives_the_child_that_mother_at_once_and_keeps_the_other_contacts_mother() {
        // A contact that names the child's mother with another woman's NHS number: the mother's record leaves her
        // person; the child's stays. The mother the other contacts name is still the child's parent (asserted by
        // them); the corrected contact's mother is the child's parent at once.
        String[] c = firstRow("SELECT m.file_id, m.row_number, m.person_id, k.person_id, k.record_key FROM"
                + " person_record m JOIN person_record k ON k.file_id = m.file_id AND k.row_number = m.row_number"
                + " AND k.part = '' JOIN relationship x ON x.from_person = m.person_id AND x.to_person = k.person_id"
                + " AND x.type = 'PARENT_OF' AND x.rule = 'health visitor named the mother' AND"
                + " jsonb_array_length(x.evidence) >= 2 WHERE m.definition_id = 'health-visiting' AND m.part = 'mother'"
                + " AND m.identity->>'nhs_number' <> '' ORDER BY m.record_key LIMIT 1");
        String mother = c[2];
        String child = c[3];
        String other = first("SELECT identity->>'nhs_number' FROM person_record WHERE part = 'mother' AND"
                + " identity->>'nhs_number' <> '' AND person_id <> '" + mother + "' ORDER BY record_key LIMIT 1");
        RowKey row = new RowKey(Long.parseLong(c[0]), Long.parseLong(c[1]));

        Rectification.Result r = rectification.rectify(request(row, "health-visiting", "mother.nhs_number", other),
                false);

        PeopleBuilder.Move childMove = r.moves().stream().filter(m -> m.recordKey().equals(c[4])).findFirst()
                .orElseThrow();
        assertThat(childMove.outcome()).as("the child's record, whose fields did not change").isEqualTo("STAYED");
        String now = r.moves().stream().filter(m -> m.recordKey().endsWith(":mother")).findFirst().orElseThrow().to();
        assertThat(now).isNotEqualTo(mother);
        List<Relationship> family = queries.family(child).relationships();
        assertThat(family).as("the child's family read right after").anySatisfy(x -> {
            assertThat(x.type()).isEqualTo(RelationshipType.PARENT_OF);
            assertThat(x.fromPerson()).isEqualTo(now);
            assertThat(x.toPerson()).isEqualTo(child);
            assertThat(x.evidence()).anySatisfy(e -> assertThat(e.rowNumber()).isEqualTo(row.rowNumber()));
        });
        assertThat(family).as("the mother the other contacts name").anySatisfy(x -> {
            assertThat(x.type()).isEqualTo(RelationshipType.PARENT_OF);
            assertThat(x.fromPerson()).isEqualTo(mother);
            assertThat(x.basis()).isEqualTo(Basis.ASSERTED);
            assertThat(x.evidence()).anySatisfy(e -> assertThat(e.definitionId().equals("health-visiting")
                    && e.rowNumber() != row.rowNumber()).isTrue());
        });
    }

    @Test
    @Order(6)
    void correcting_a_mothers_field_re_decides_her_record_and_never_her_childs() {
        String other = first("SELECT identity->>'nhs_number' FROM person_record WHERE part = 'mother' AND"
                + " identity->>'nhs_number' <> '' ORDER BY record_key DESC LIMIT 1");
        List<String[]> contacts = rows("SELECT m.file_id, m.row_number, k.record_key FROM person_record m JOIN"
                + " person_record k ON k.file_id = m.file_id AND k.row_number = m.row_number AND k.part = ''"
                + " WHERE m.definition_id = 'health-visiting' AND m.part = 'mother' AND m.identity->>'nhs_number'"
                + " NOT IN ('', '" + other + "') ORDER BY m.record_key LIMIT 25");
        assertThat(contacts).hasSizeGreaterThan(10);
        for (String[] c : contacts) {
            Rectification.Result dry = rectification.rectify(request(new RowKey(Long.parseLong(c[0]),
                    Long.parseLong(c[1])), "health-visiting", "mother.nhs_number", other), true);
            assertThat(dry.moves()).filteredOn(m -> m.recordKey().equals(c[2])).singleElement()
                    .satisfies(m -> assertThat(m.outcome()).as("the child's record on %s:%s", c[0], c[1])
                            .isEqualTo("STAYED"));
        }
    }

    // ---- helpers ----

    private record CaseChild(RowKey row, String child, String applicant) {
    }

    /**
     * A child named in one homelessness case only (so only this row says whose child they are), of an applicant the
     * case makes their parent.
     */
    private static CaseChild aChildOfOneHomelessnessCase() {
        String[] r = firstRow("SELECT c.file_id, c.row_number, c.person_id, a.person_id FROM person_record c"
                + " JOIN standardised_row cs ON cs.file_id = c.file_id AND cs.row_number = c.row_number"
                + " JOIN standardised_row s ON s.file_id = c.file_id AND s.definition_id = 'housing-people'"
                + " AND s.fields->'record_key'->>'value' = cs.fields->'record_key'->>'value'"
                + " AND s.fields->'role'->>'value' = 'Applicant'"
                + " JOIN person_record a ON a.file_id = s.file_id AND a.row_number = s.row_number AND a.part = ''"
                + " JOIN relationship x ON x.from_person = a.person_id AND x.to_person = c.person_id"
                + " AND x.type = 'PARENT_OF' AND x.basis = 'ASSERTED' AND x.rule LIKE 'homelessness case%'"
                + " WHERE c.definition_id = 'housing-people' AND c.part = '' AND cs.fields->'role'->>'value' = 'Child'"
                + " AND (SELECT count(*) FROM person_record o WHERE o.person_id = c.person_id"
                + " AND o.definition_id = 'housing-people') = 1 ORDER BY c.record_key LIMIT 1");
        return new CaseChild(new RowKey(Long.parseLong(r[0]), Long.parseLong(r[1])), r[2], r[3]);
    }

    private static Optional<Relationship> assertedParent(CaseChild c) {
        return built.store().relationshipsOf(c.child()).stream().filter(x -> x.type() == RelationshipType.PARENT_OF
                && x.fromPerson().equals(c.applicant()) && x.basis() == Basis.ASSERTED).findFirst();
    }

    private static RowKey key(String[] c) {
        return new RowKey(Long.parseLong(c[1]), Long.parseLong(c[2]));
    }

    private static Rectification.Request request(RowKey row, String source, String field, String value) {
        return new Rectification.Request(source, row, field, value, "the agency confirmed the right value in writing",
                "dpo.one", "local-authority");
    }

    private static Map<String, String> snapshot() {
        return Sql.snapshot(built.database().dataSource(), TABLES);
    }

    private static String first(String sql) {
        return Sql.first(built.database().dataSource(), sql);
    }

    private static String[] firstRow(String sql) {
        return Sql.firstRow(built.database().dataSource(), sql);
    }

    private static List<String[]> rows(String sql) {
        return Sql.rows(built.database().dataSource(), sql);
    }
}
