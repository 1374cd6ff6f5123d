package org.threadline.intake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of broken definitions: each file under {@code invalid/} says on its first line which YAML paths must be
 * reported ({@code # expect: columns[1].dates, record_type}; {@code <document>} for the document as a whole). The
 * errors must name exactly those paths: all of them at once, and nothing else.
 */
class InvalidSourceDefinitionsTest {

    static Stream<Path> brokenDefinitions() throws IOException, URISyntaxException {
        Path folder = Path.of(InvalidSourceDefinitionsTest.class.getResource("invalid").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDefinitions")
    void every_error_in_a_broken_definition_is_reported_with_its_path(Path file) throws IOException {
        Set<String> expected = expectedPaths(file);

        InvalidSourceDefinitionException e = catchThrowableOfType(InvalidSourceDefinitionException.class,
                () -> SourceDefinitions.load(file));

        assertThat(e).as(file.getFileName() + " should be refused").isNotNull();
        Set<String> reported = e.errors().stream().map(err -> err.path().isEmpty() ? "<document>" : err.path())
                .collect(Collectors.toSet());
        assertThat(reported).as(e.getMessage()).isEqualTo(expected);
        assertThat(e.errors()).allSatisfy(err -> {
            assertThat(err.origin()).isEqualTo(file.getFileName().toString());
            assertThat(err.message()).isNotBlank();
        });
        assertThat(e.getMessage()).contains(e.errors().size() + " error");
    }

    private static Set<String> expectedPaths(Path file) throws IOException {
        String first = Files.readAllLines(file).get(0);
        assertThat(first).as("first line of " + file.getFileName()).startsWith("# expect: ");
        return Arrays.stream(first.substring("# expect: ".length()).split(",")).map(String::strip)
                .collect(Collectors.toSet());
    }
}
