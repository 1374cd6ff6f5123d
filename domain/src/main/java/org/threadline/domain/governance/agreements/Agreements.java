package org.threadline.domain.governance.agreements;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads, checks and writes agreements. Checking is the schema ({@link AgreementReader}) then the linter
 * ({@link AgreementLinter}), and every defect of both is reported in one list with its YAML path; an agreement that
 * has any defect is never returned by {@link #load} or {@link #loadFolder}.
 */
public final class Agreements {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern SIGNATURES = Pattern.compile("(?m)^signatures:.*$");

    private Agreements() {
    }

    /** What checking one document found: the agreement when it could be read, and every defect. */
    public record Check(Optional<Agreement> agreement, List<AgreementProblem> problems) {
        public Check {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty() && agreement.isPresent();
        }
    }

    /** Schema and linter, signatures verified against {@code keys}; never throws for a bad document. */
    public static Check check(String yaml, String origin, TrustedKeys keys) {
        Problems problems = new Problems(origin);
        Optional<Agreement> agreement = tree(yaml, problems).flatMap(t -> new AgreementReader(problems).read(t));
        agreement.ifPresent(a -> new AgreementLinter(problems).lint(a, keys));
        return new Check(agreement, problems.all());
    }

    /** The schema alone (no linter, no signatures): what {@code agreements sign} reads before signing. */
    public static Agreement parse(String yaml, String origin) {
        Problems problems = new Problems(origin);
        Optional<Agreement> agreement = tree(yaml, problems).flatMap(t -> new AgreementReader(problems).read(t));
        if (problems.any() || agreement.isEmpty()) {
            throw new InvalidAgreementException(problems.all());
        }
        return agreement.get();
    }

    /** One agreement file, fully checked. */
    public static Agreement load(Path file, TrustedKeys keys) {
        Check check = check(read(file), file.toString(), keys);
        if (!check.ok()) {
            throw new InvalidAgreementException(check.problems());
        }
        return check.agreement().orElseThrow();
    }

    /**
     * Every {@code *.yaml} file directly in {@code folder}, fully checked, with the defects of all files reported
     * together. The same id and version may appear only once.
     */
    public static List<Agreement> loadFolder(Path folder, TrustedKeys keys) {
        List<AgreementProblem> problems = new ArrayList<>();
        List<Agreement> loaded = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : yamlFiles(folder)) {
            Check check = check(read(file), file.toString(), keys);
            problems.addAll(check.problems());
            check.agreement().ifPresent(a -> {
                Path earlier = seen.putIfAbsent(a.reference(), file);
                if (earlier != null) {
                    problems.add(new AgreementProblem(file.toString(), "metadata.version", a.reference()
                            + " is also in " + earlier));
                } else if (check.ok()) {
                    loaded.add(a);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidAgreementException(problems);
        }
        return List.copyOf(loaded);
    }

    /** The trusted public keys in a key list file (see {@link TrustedKeys}). */
    public static TrustedKeys loadKeys(Path file) {
        Problems problems = new Problems(file.toString());
        TrustedKeys keys = tree(read(file), problems).map(t -> TrustedKeys.read(t, problems))
                .orElse(TrustedKeys.none());
        if (problems.any()) {
            throw new InvalidAgreementException(problems.all());
        }
        return keys;
    }

    /** The agreement as YAML, in the fixed order {@link #parse} reads back to an equal agreement. */
    public static String write(Agreement agreement) {
        try {
            return YAML.writeValueAsString(AgreementWriter.tree(agreement, true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an agreement tree always serialises", e);
        }
    }

    /**
     * The document text with its {@code signatures:} section replaced by {@code agreement}'s signatures, keeping the
     * author's comments and layout above it. The section must be the last top-level key (it is in every shipped
     * agreement); without one, it is appended.
     */
    public static String withSignatures(String text, Agreement agreement) {
        Matcher m = SIGNATURES.matcher(text);
        String head = m.find() ? text.substring(0, m.start()) : text + (text.endsWith("\n") ? "" : "\n");
        StringBuilder out = new StringBuilder(head).append("signatures:\n");
        for (Signature s : agreement.signatures()) {
            out.append("  - {party: ").append(s.party()).append(", signer: \"").append(s.signer())
                    .append("\", keyId: ").append(s.keyId()).append(", sig: \"").append(s.sig()).append("\"}\n");
        }
        String result = out.toString();
        Agreement reread = parse(result, "<re-signed>");
        if (!reread.equals(agreement)) {
            throw new IllegalArgumentException("'signatures:' is not the last top-level key of the document, so "
                    + "it cannot be replaced in place");
        }
        return result;
    }

    static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list agreements in " + folder, e);
        }
    }

    private static Optional<JsonNode> tree(String yaml, Problems problems) {
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node == null || node.isMissingNode()) {
                problems.add("", "the document is empty");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            problems.add("", "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
            return Optional.empty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
