package org.threadline.intake.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads, validates and looks up source definitions. Loading never returns a half-valid definition: every error in a
 * file (or in every file of a folder) is collected with its YAML path and thrown at once as an
 * {@link InvalidSourceDefinitionException}.
 */
public final class SourceDefinitions {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final List<SourceDefinition> definitions;

    private SourceDefinitions(List<SourceDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    /** Reads and validates one definition file. */
    public static SourceDefinition load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceDefinitionException("cannot read source definition " + file + ": " + e, e);
        }
        return parse(text, file.getFileName().toString());
    }

    /** Reads and validates a definition given as YAML text; errors name {@code <string>} as their origin. */
    public static SourceDefinition parse(String yaml) {
        return parse(yaml, "<string>");
    }

    /** Reads and validates a definition given as YAML text; errors name {@code origin}. */
    public static SourceDefinition parse(String yaml, String origin) {
        Problems problems = new Problems(origin);
        Optional<SourceDefinition> definition = parse(yaml, problems);
        if (problems.any()) {
            throw new InvalidSourceDefinitionException(problems.errors());
        }
        return definition.orElseThrow();
    }

    /**
     * Reads every {@code *.yaml} / {@code *.yml} file in a folder (not its subfolders). Besides each file's own errors,
     * ids must be unique and each file must be named after its id ({@code police-custody.yaml}).
     */
    public static SourceDefinitions loadAll(Path folder) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new SourceDefinitionException("cannot list source definitions in " + folder + ": " + e, e);
        }
        List<DefinitionError> errors = new ArrayList<>();
        List<SourceDefinition> loaded = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                SourceDefinition d = load(file);
                loaded.add(d);
                Path other = ids.putIfAbsent(d.id(), file);
                if (other != null) {
                    errors.add(new DefinitionError(name, "id", "id '" + d.id() + "' is also used by "
                            + other.getFileName()));
                }
                if (!name.replaceAll("\\.ya?ml$", "").equals(d.id())) {
                    errors.add(new DefinitionError(name, "id", "the file should be named " + d.id() + ".yaml"));
                }
            } catch (InvalidSourceDefinitionException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSourceDefinitionException(errors);
        }
        return new SourceDefinitions(loaded);
    }

    /** Every definition, in file-name order. */
    public List<SourceDefinition> all() {
        return definitions;
    }

    public Optional<SourceDefinition> byId(String id) {
        return definitions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * The one definition whose {@code files} patterns match a file path relative to the extracts folder
     * ({@code police/custody.csv}).
     *
     * @throws SourceDefinitionException when no definition or more than one matches
     */
    public SourceDefinition match(Path relativeFile) {
        if (relativeFile.isAbsolute()) {
            throw new SourceDefinitionException("give the file relative to the extracts folder, not " + relativeFile);
        }
        List<SourceDefinition> matching = definitions.stream().filter(d -> d.matches(relativeFile)).toList();
        if (matching.isEmpty()) {
            throw new SourceDefinitionException("no source definition reads " + relativeFile + " (checked "
                    + definitions.size() + " definitions' files patterns)");
        }
        if (matching.size() > 1) {
            throw new SourceDefinitionException(relativeFile + " is matched by several source definitions: "
                    + matching.stream().map(d -> d.reference() + " " + d.files()).collect(Collectors.joining(", ")));
        }
        return matching.get(0);
    }

    /** As {@link #match(Path)}, for a file somewhere under {@code extractsFolder}. */
    public SourceDefinition match(Path extractsFolder, Path file) {
        Path folder = extractsFolder.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(folder)) {
            throw new SourceDefinitionException(file + " is not under the extracts folder " + extractsFolder);
        }
        return match(folder.relativize(absolute));
    }

    private static Optional<SourceDefinition> parse(String yaml, Problems problems) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            problems.add("", "not readable YAML: " + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
            return Optional.empty();
        }
        return new DefinitionReader(problems).read(root, sha256(yaml));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
