package org.threadline.linkage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of broken documents: each file under {@code invalid/} holds a {@code model}, the {@code expected_errors}
 * (every path that must be reported, and no other) and {@code why} it is broken.
 */
class InvalidModelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(InvalidModelsTest.class.getResource("invalid").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(sorted).hasSizeGreaterThanOrEqualTo(20);
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void broken_document_is_refused_with_every_error_at_its_path(Path file) throws IOException {
        JsonNode testCase = JSON.readTree(file.toFile());
        String model = JSON.writeValueAsString(testCase.get("model"));
        List<String> expected = JSON.convertValue(testCase.get("expected_errors"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));

        InvalidModelException e = catchThrowableOfType(InvalidModelException.class, () -> ModelJson.read(model));

        assertThat(e).as(testCase.get("why").asText()).isNotNull();
        assertThat(e.errors().stream().map(ModelError::path).distinct())
                .as("%s%n%s", testCase.get("why").asText(), e.getMessage())
                .containsExactlyInAnyOrderElementsOf(expected);
        List<String> lines = e.getMessage().lines().toList();
        assertThat(lines).hasSize(e.errors().size() + 1);
        for (ModelError error : e.errors()) {
            assertThat(lines).contains("  " + error.path() + ": " + error.message());
        }
    }
}
