package org.threadline.intake.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Writes the synthetic example FHIR Bundle shipped with the example definition, and checks that the shipped file is
 * exactly what this writes (so it can always be regenerated, and never holds anything but invented people). Run with
 * {@code -Dthreadline.writeExamples=true} to rewrite it.
 */
class FhirExampleTest {
    static final Path EXAMPLE = Path.of("../docs/examples/fhir/extracts/health/fhir/encounters.json");
    private static final String[] SURNAMES = {"ASHWORTH", "BRENNAN", "CHAUDHRY", "DOYLE", "EKWUEME", "FINCH"};
    private static final String[] GIVEN = {"Amara", "Ben", "Cerys", "Dev", "Elif", "Finn", "Grace", "Hamza"};
    private static final String[] POSTCODES = {"B23 6TH", "B1 1AA", "WS1 2AB", "DY4 7HP", "ZZ99 3WZ"};
    private static final String[] REASONS = {"Fall at home", "Asthma attack", "Head injury", "Overdose", "Burn"};

    /** A Bundle of six invented patients and their encounters, one of which names a patient not in the Bundle. */
    static Bundle example() {
        SplittableRandom random = new SplittableRandom(3);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (int p = 0; p < 6; p++) {
            Patient patient = new Patient();
            patient.setId("Patient/pat-" + (p + 1));
            String nhs = p == 4 ? "9990001234" : validNhsNumber(random);  // the fifth fails its check digit on purpose
            patient.addIdentifier().setSystem(FhirBundleReader.NHS_NUMBER).setValue(nhs);
            patient.addIdentifier().setSystem("https://example.org/Id/local-mrn").setValue("MRN" + (1000 + p));
            patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(SURNAMES[p])
                    .addGiven(GIVEN[p]).addGiven(GIVEN[(p + 1 + random.nextInt(GIVEN.length - 1)) % GIVEN.length]);
            if (p == 2) {
                patient.addName().setUse(HumanName.NameUse.NICKNAME).addGiven("Cee");
            }
            patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(
                    LocalDate.of(1960 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28))
                            .toString()));
            patient.setGender(p % 2 == 0 ? Enumerations.AdministrativeGender.FEMALE
                    : Enumerations.AdministrativeGender.MALE);
            patient.addAddress().addLine((10 + p) + " Example Road").setPostalCode(POSTCODES[p % POSTCODES.length]);
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0121 496 00" + (10 + p));
            bundle.addEntry().setFullUrl("https://example.org/fhir/Patient/pat-" + (p + 1)).setResource(patient);
        }
        for (int e = 0; e < 9; e++) {
            Encounter encounter = new Encounter();
            encounter.setId("Encounter/enc-" + (e + 1));
            encounter.setStatus(Encounter.EncounterStatus.FINISHED);
            encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode",
                    e % 3 == 0 ? "AMB" : "EMER", null));
            String subject = e == 8 ? "Patient/pat-99" : "Patient/pat-" + (1 + e % 6);  // the last: not in the Bundle
            encounter.setSubject(new Reference(subject));
            LocalDateTime start = LocalDateTime.of(2025, 1 + e, 3 + e, e == 1 ? 0 : 8 + e, 15 + e);
            DateTimeType when = new DateTimeType(Date.from(start.toInstant(ZoneOffset.UTC)));
            when.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
            encounter.setPeriod(new Period().setStartElement(when));
            encounter.addReasonCode().setText(REASONS[e % REASONS.length]);
            bundle.addEntry().setFullUrl("https://example.org/fhir/Encounter/enc-" + (e + 1)).setResource(encounter);
        }
        return bundle;
    }

    static String exampleJson() {
        return FhirBundleReader.context().newJsonParser().setPrettyPrint(true).encodeResourceToString(example())
                + "\n";
    }

    @Test
    void the_shipped_example_bundle_is_exactly_what_this_writes() throws Exception {
        String json = exampleJson();
        if (Boolean.getBoolean("threadline.writeExamples")) {
            Files.createDirectories(EXAMPLE.getParent());
            Files.writeString(EXAMPLE, json, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(EXAMPLE, StandardCharsets.UTF_8)).isEqualTo(json);
    }

    /** A valid NHS number in the range reserved for testing (999…), so it can never be a real person's. */
    private static String validNhsNumber(SplittableRandom random) {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                d[i] = i < 3 ? 9 : random.nextInt(10);
                sum += d[i] * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            StringBuilder b = new StringBuilder();
            for (int x : d) {
                b.append(x);
            }
            return b.append(check == 11 ? 0 : check).toString();
        }
    }

    static List<String> columns() {
        return List.of("Encounter.id", "Encounter.period.start", "Encounter.class", "Encounter.reasonCode",
                "Patient.id", "Patient.identifier[nhs].value", "Patient.name[official].family",
                "Patient.name[official].given", "Patient.birthDate", "Patient.gender", "Patient.address.line",
                "Patient.address.postalCode", "Patient.telecom[phone].value");
    }
}
