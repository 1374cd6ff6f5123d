package org.threadline.intake.read;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a FHIR R4 Bundle (JSON) of Patient and Encounter resources as {@link RawRow}s, so that a health feed loads
 * through the same standardisers, quarantine and store as a spreadsheet. The definition's column sources are FHIR
 * paths: a resource type, then elements, each element optionally filtered by its {@code system} or {@code use}
 * ({@code Patient.identifier[nhs].value}, {@code Patient.name[official].family}, {@code Encounter.period.start}); the
 * filter {@code nhs} stands for the NHS number system {@value #NHS_NUMBER}. Several values at the end of a path are
 * joined by a space ({@code Patient.name.given}).
 *
 * <p>When any column addresses an Encounter, each Encounter is a row and its Patient columns come from the
 * encounter's subject in the same Bundle (an encounter whose subject is not there is quarantined); otherwise each
 * Patient is a row. The row number is the entry's position in the Bundle (1-based), and the "sheet" is the
 * resource's id ({@code Encounter/enc-1}). A Bundle is parsed whole (HAPI FHIR has no streaming parser), so files
 * over {@value #MAX_BYTES} bytes are refused; HAPI's {@link FhirContext} is built once per process (about 1.6 s).
 */
public final class FhirBundleReader {
    public static final long MAX_BYTES = 256L << 20;
    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    private static final Map<String, String> SYSTEMS = Map.of("nhs", NHS_NUMBER);
    private static final Pattern STEP = Pattern.compile("\\.([a-zA-Z][a-zA-Z0-9]*)(?:\\[([^\\[\\]]+)])?");

    /** Built on first use: most runs never read FHIR. */
    private static final class R4 {
        static final FhirContext CONTEXT = FhirContext.forR4();
    }

    private final RowLimits limits;

    public FhirBundleReader() {
        this(RowLimits.DEFAULT);
    }

    public FhirBundleReader(RowLimits limits) {
        this.limits = limits;
    }

    /** The shared R4 context, for writers of example Bundles. */
    public static FhirContext context() {
        return R4.CONTEXT;
    }

    /** Reads {@code file}: the paths are the header, then one row per Encounter (or per Patient). */
    public void read(Path file, List<String> paths, RowSink sink) throws IOException {
        String name = file.getFileName().toString();
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(String.format("%s is %,d bytes; a FHIR Bundle is read whole and may be at most %,d",
                    name, Files.size(file), MAX_BYTES));
        }
        Bundle bundle = parse(file, name);
        List<String> header = List.copyOf(new LinkedHashSet<>(paths));
        boolean encounters = header.stream().anyMatch(p -> p.startsWith("Encounter."));
        Map<String, Patient> patients = new HashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Patient p) {
                patients.put(p.getIdElement().toUnqualifiedVersionless().getValue(), p);
                if (entry.hasFullUrl()) {
                    patients.put(entry.getFullUrl(), p);
                }
            }
        }
        sink.header(header);
        long number = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            number++;
            Resource resource = entry.getResource();
            if (encounters && resource instanceof Encounter e) {
                Patient subject = patients.get(e.getSubject().getReference());
                sink.row(row(name, number, e, subject, header));
            } else if (!encounters && resource instanceof Patient p) {
                sink.row(row(name, number, null, p, header));
            }
        }
    }

    private static Bundle parse(Path file, String name) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            IBaseResource resource = R4.CONTEXT.newJsonParser().parseResource(r);
            if (resource instanceof Bundle b) {
                return b;
            }
            throw new IOException(name + " holds a FHIR " + resource.fhirType() + ", not a Bundle");
        } catch (DataFormatException e) {
            throw new IOException(name + " is not a FHIR R4 resource in JSON: " + e.getMessage(), e);
        }
    }

    private RawRow row(String file, long number, Encounter encounter, Patient patient, List<String> header)
            throws IOException {
        String id = (encounter != null ? encounter : patient).getIdElement().toUnqualifiedVersionless().getValue();
        List<String> cells = new ArrayList<>(header.size());
        boolean needsPatient = false;
        for (String path : header) {
            boolean ofPatient = path.startsWith("Patient.");
            needsPatient |= ofPatient;
            Base root = ofPatient ? patient : encounter;
            cells.add(root == null ? "" : evaluate(file, root, path));
        }
        String problem = patient == null && needsPatient
                ? "its subject " + encounter.getSubject().getReference() + " is not a Patient in the Bundle"
                : limits.problem(header, cells);
        return new RawRow(id == null ? "" : id, number, cells, problem);
    }

    /** The values at the end of {@code path} below its resource, joined by a space. */
    static String evaluate(String file, Base root, String path) throws IOException {
        List<Base> current = List.of(root);
        Matcher step = STEP.matcher(path);
        int at = path.indexOf('.');
        while (at < path.length() && step.find(at) && step.start() == at) {
            List<Base> next = new ArrayList<>();
            for (Base b : current) {
                for (Base child : children(file, path, b, step.group(1))) {
                    if (step.group(2) == null || matches(child, step.group(2))) {
                        next.add(child);
                    }
                }
            }
            current = next;
            at = step.end();
        }
        List<String> values = new ArrayList<>();
        for (Base b : current) {
            String v = leaf(b);
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        return String.join(" ", values);
    }

    private static List<Base> children(String file, String path, Base b, String name) throws IOException {
        try {
            return b.listChildrenByName(name);
        } catch (FHIRException e) {
            throw new IOException(file + ": the column " + path + " names no element '" + name + "' of "
                    + b.fhirType(), e);
        }
    }

    /** Whether an element's {@code system} or {@code use} is the filter (or the system it stands for). */
    private static boolean matches(Base element, String filter) {
        String wanted = SYSTEMS.getOrDefault(filter, filter);
        for (String property : List.of("system", "use")) {
            try {
                for (Base v : element.listChildrenByName(property)) {
                    if (v.hasPrimitiveValue() && wanted.equals(v.primitiveValue())) {
                        return true;
                    }
                }
            } catch (FHIRException e) {
                // this element has no such property: it cannot match on it
            }
        }
        return false;
    }

    private static String leaf(Base b) {
        if (b instanceof IdType id) {
            return id.hasIdPart() ? id.getIdPart() : "";  // the parser qualifies ids with the entry's fullUrl
        }
        if (b.hasPrimitiveValue()) {
            return b.primitiveValue();
        }
        if (b instanceof Reference r) {
            return r.hasReference() ? r.getReference() : "";
        }
        if (b instanceof Coding c) {
            return c.hasCode() ? c.getCode() : "";
        }
        if (b instanceof CodeableConcept cc) {
            return cc.hasText() ? cc.getText() : cc.getCoding().stream().filter(Coding::hasCode).findFirst()
                    .map(Coding::getCode).orElse("");
        }
        return "";
    }
}
