package org.threadline.linkage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The models shipped under config/models are valid and stored in canonical form, so diffs show real changes. */
class ShippedModelsTest {
    private static final Path MODELS = Path.of("..", "config", "models");

    @Test
    void every_shipped_model_is_valid_and_canonical() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(MODELS)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path f : files) {
            String text = Files.readString(f);
            assertThat(ModelJson.write(ModelJson.read(text))).as(f.toString()).isEqualTo(text);
        }
    }
}
