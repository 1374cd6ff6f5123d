package org.threadline.linkage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties over seeded random models (plain JUnit: the seed makes every failure reproducible). */
class ModelRoundTripPropertyTest {
    private static final long SEED = 0x7EAD11AEL;
    private static final int MODELS = 500;

    @Test
    void save_load_save_is_byte_identical_and_load_gives_an_equal_model() {
        RandomModels models = new RandomModels(new SplittableRandom(SEED));
        for (int i = 0; i < MODELS; i++) {
            LinkageModel model = models.next();
            String first = ModelJson.write(model);

            LinkageModel loaded = ModelJson.read(first);

            assertThat(loaded).as("model %d of seed %d", i, SEED).isEqualTo(model);
            assertThat(ModelJson.write(loaded)).as("model %d of seed %d", i, SEED).isEqualTo(first);
            assertThat(loaded.contentHash()).isEqualTo(model.contentHash());
        }
    }

    @Test
    void removing_parameters_gives_a_valid_untrained_document() {
        RandomModels models = new RandomModels(new SplittableRandom(SEED + 1));
        for (int i = 0; i < MODELS; i++) {
            LinkageModel model = models.next();
            LinkageModel untrained = model.withoutParameters();

            assertThat(ModelValidator.validate(untrained)).isEmpty();
            assertThat(untrained.withoutParameters()).isEqualTo(untrained);
            assertThat(ModelJson.write(untrained)).doesNotContain("m_probability", "\"prior\"", "\"training\"");
        }
    }
}
